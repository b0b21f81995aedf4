"""The texts of the leaflet for the youth (template p.9) in the youth's own language.

Dutch, English and French come from the gettext catalogues (English is the source, below).
Arabic, Dari, Pashto, Tigrinya and Somali are written here, one dict per language. They have
NOT been checked by a native speaker yet: until an admin marks a language checked (model
youths.LeafletTranslation, in Django admin), the PDF and the pages say "translation to be
checked by a native speaker".
"""

from dataclasses import dataclass, replace

from django.utils import translation
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class YouthLanguage:
    code: str  # the value of ?lang=
    name: str  # the language's own name, as the youth reads it
    label: str  # the name in the user's interface language
    html_lang: str
    rtl: bool
    checked: bool  # checked by a native speaker
    from_catalogue: bool  # nl/en/fr come from the gettext catalogues


# The source texts (English); Dutch and French are in locale/.
SOURCE_TEXTS = {
    "title": _("Your care network"),
    "subtitle": _("Information for you"),
    "what_title": _("What is a care network?"),
    "what_1": _(
        "A small group of people who help you. They come from your school, your guardian, "
        "the place where you live, work, and others you trust."
    ),
    "what_2": _("They sit around one table, together with you."),
    "what_3": _("You are at the centre. Your questions and wishes come first."),
    "what_4": _("Together we make one plan with you: for feeling well, for school and for work."),
    "not_title": _("What a care network is not"),
    "not_1": _("It is not a punishment. You did nothing wrong."),
    "not_2": _("It is not the police and not a court."),
    "not_3": _("It does not decide about your residence papers."),
    "expect_title": _("What can you expect?"),
    "expect_1": _("We listen to you and take your ideas seriously."),
    "expect_2": _("We explain everything in a language you understand. An interpreter can come along."),
    "expect_3": _("We share only what is needed to help you, and we tell you what we share."),
    "expect_4": _("You know whom to ask with which question."),
    "expect_5": _("We meet again and check together how it is going."),
    "who_title": _("Who takes part?"),
    "who_name": _("Name"),
    "who_role": _("Role"),
    "who_sector": _("Works in"),
    "who_empty": _("Write the names of the people in your network here."),
    "you_title": _("You can always say what you think"),
    "you_1": _("Do you have a question or a worry? Tell one of these people. You may also say no."),
    "who_phone": _("Phone"),
    "who_question": _("Ask about"),
    "my_contact": _("My contact person"),
    "date": _("Date"),
    "confidential": _("Personal and confidential. Only for you and your care network."),
    # The block with the link to the youth's own page (printed only right after the link is made).
    "page_title": _("Your own page on your phone"),
    "page_scan": _("Scan the square with your phone's camera, or type the link."),
    "page_code": _("Code: ask your contact person."),
}

SECTOR_KEYS = (
    "education",
    "welfare",
    "work",
    "guardianship",
    "housing",
    "health",
    "integration",
    "family",
    "leisure",
    "other",
)

TRANSLATIONS = {
    "ar": {
        "title": "شبكة الدعم الخاصة بك",
        "subtitle": "معلومات لك",
        "what_title": "ما هي شبكة الدعم؟",
        "what_1": "مجموعة صغيرة من الأشخاص الذين يساعدونك. هم من مدرستك، ووصيّك، ومكان سكنك، والعمل، "
        "وأشخاص آخرين تثق بهم.",
        "what_2": "يجلسون حول طاولة واحدة، معك.",
        "what_3": "أنت في المركز. أسئلتك ورغباتك تأتي أولاً.",
        "what_4": "معاً نضع خطة واحدة معك: لتشعر بالراحة، وللمدرسة، وللعمل.",
        "not_title": "ما ليست شبكة الدعم",
        "not_1": "إنها ليست عقاباً. أنت لم تفعل شيئاً خاطئاً.",
        "not_2": "إنها ليست الشرطة وليست محكمة.",
        "not_3": "لا تقرّر بشأن أوراق إقامتك.",
        "expect_title": "ماذا يمكنك أن تتوقع؟",
        "expect_1": "نستمع إليك ونأخذ أفكارك بجدية.",
        "expect_2": "نشرح كل شيء بلغة تفهمها. يمكن أن يحضر مترجم.",
        "expect_3": "نشارك فقط ما هو ضروري لمساعدتك، ونخبرك بما نشاركه.",
        "expect_4": "تعرف لمن توجّه كل سؤال.",
        "expect_5": "نلتقي مرة أخرى ونتحقق معاً كيف تسير الأمور.",
        "who_title": "من يشارك؟",
        "who_name": "الاسم",
        "who_role": "الدور",
        "who_sector": "يعمل في",
        "who_empty": "اكتب هنا أسماء الأشخاص في شبكتك.",
        "you_title": "يمكنك دائماً أن تقول ما تفكر فيه",
        "you_1": "هل لديك سؤال أو قلق؟ أخبر أحد هؤلاء الأشخاص. يمكنك أيضاً أن تقول لا.",
        "my_contact": "الشخص المسؤول عن التواصل معي",
        "confidential": "شخصي وسرّي. فقط لك ولشبكة الدعم الخاصة بك.",
        "who_phone": "الهاتف",
        "who_question": "اسأل عن",
        "date": "التاريخ",
        "page_title": "صفحتك الخاصة على هاتفك",
        "page_scan": "امسح المربع بكاميرا هاتفك، أو اكتب الرابط.",
        "page_code": "الرمز: اسأل الشخص المسؤول عن التواصل معك.",
        "roles": {
            "school_coach": "مرشد مدرسي",
            "okan_coach": "مرشد صف الاستقبال OKAN",
            "student_counsellor": "مستشار الطلاب",
            "clb_worker": "موظف CLB",
            "guardian": "الوصي",
            "housing_counsellor": "مرشد السكن",
            "social_worker": "عامل اجتماعي",
            "psychologist": "أخصائي نفسي",
            "job_coach": "مرشد عمل VDAB",
            "youth_worker": "عامل شباب",
            "interpreter": "مترجم",
            "family_member": "فرد من العائلة",
            "buddy": "رفيق / متطوع",
            "other": "أخرى",
        },
        "months": (
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ),
        "sectors": {
            "education": "التعليم",
            "welfare": "الرعاية الاجتماعية",
            "work": "العمل",
            "guardianship": "الوصاية",
            "housing": "السكن",
            "health": "الصحة",
            "integration": "الاندماج",
            "family": "العائلة",
            "leisure": "وقت الفراغ",
            "other": "أخرى",
        },
    },
    "prs": {
        "title": "شبکهٔ حمایتی شما",
        "subtitle": "معلومات برای شما",
        "what_title": "شبکهٔ حمایتی چیست؟",
        "what_1": "یک گروه کوچک از کسانی که به شما کمک می‌کنند. آنها از مکتب شما، سرپرست قانونی شما، "
        "جای بود و باش شما، کار و دیگر کسانی هستند که به آنها اعتماد دارید.",
        "what_2": "آنها همراه با شما دور یک میز می‌نشینند.",
        "what_3": "شما در مرکز هستید. سوال‌ها و خواسته‌های شما اول می‌آیند.",
        "what_4": "ما با هم و همراه شما یک پلان می‌سازیم: برای احساس خوب، برای مکتب و برای کار.",
        "not_title": "شبکهٔ حمایتی چه چیزی نیست",
        "not_1": "این جزا نیست. شما کار اشتباهی نکرده‌اید.",
        "not_2": "این پولیس نیست و محکمه هم نیست.",
        "not_3": "این شبکه دربارهٔ اسناد اقامت شما تصمیم نمی‌گیرد.",
        "expect_title": "چه انتظاری می‌توانید داشته باشید؟",
        "expect_1": "ما به شما گوش می‌دهیم و نظرهای شما را جدی می‌گیریم.",
        "expect_2": "ما همه چیز را به زبانی که می‌فهمید توضیح می‌دهیم. یک ترجمان می‌تواند همراه باشد.",
        "expect_3": "ما فقط چیزی را شریک می‌سازیم که برای کمک به شما لازم است، و به شما می‌گوییم چه چیزی را "
        "شریک می‌سازیم.",
        "expect_4": "شما می‌دانید که هر سوال را از چه کسی بپرسید.",
        "expect_5": "ما دوباره با هم می‌بینیم و با هم بررسی می‌کنیم که کارها چطور پیش می‌رود.",
        "who_title": "چه کسانی شرکت می‌کنند؟",
        "who_name": "نام",
        "who_role": "وظیفه",
        "who_sector": "کار می‌کند در",
        "who_empty": "نام‌های کسانی را که در شبکهٔ شما هستند اینجا بنویسید.",
        "you_title": "شما همیشه می‌توانید نظر خود را بگویید",
        "you_1": "سوال یا نگرانی دارید؟ به یکی از این افراد بگویید. شما می‌توانید نه هم بگویید.",
        "my_contact": "شخص تماس من",
        "confidential": "شخصی و محرم. فقط برای شما و شبکهٔ حمایتی شما.",
        "who_phone": "تیلفون",
        "who_question": "برای این سوال",
        "date": "تاریخ",
        "page_title": "صفحهٔ خودت در تلفونت",
        "page_scan": "مربع را با کمرهٔ تلفونت اسکن کن، یا لینک را تایپ کن.",
        "page_code": "کود: از شخص تماس خود بپرس.",
        "roles": {
            "school_coach": "مربی مکتب",
            "okan_coach": "مربی صنف آمادگی OKAN",
            "student_counsellor": "مشاور شاگردان",
            "clb_worker": "کارمند CLB",
            "guardian": "سرپرست قانونی",
            "housing_counsellor": "مشاور مسکن",
            "social_worker": "مددکار اجتماعی",
            "psychologist": "روانشناس",
            "job_coach": "مربی کاریابی VDAB",
            "youth_worker": "کارمند جوانان",
            "interpreter": "ترجمان",
            "family_member": "عضو خانواده",
            "buddy": "همراه / داوطلب",
            "other": "دیگر",
        },
        "months": (
            "جنوری",
            "فبروری",
            "مارچ",
            "اپریل",
            "می",
            "جون",
            "جولای",
            "اگست",
            "سپتمبر",
            "اکتوبر",
            "نومبر",
            "دسمبر",
        ),
        "sectors": {
            "education": "تعلیم و تربیه",
            "welfare": "رفاه اجتماعی",
            "work": "کار",
            "guardianship": "سرپرستی قانونی",
            "housing": "مسکن",
            "health": "صحت",
            "integration": "ادغام در جامعه",
            "family": "خانواده",
            "leisure": "وقت آزاد",
            "other": "دیگر",
        },
    },
    "ps": {
        "title": "ستاسو د ملاتړ شبکه",
        "subtitle": "ستاسو لپاره معلومات",
        "what_title": "د ملاتړ شبکه څه ده؟",
        "what_1": "د هغو خلکو یوه کوچنۍ ډله چې له تاسو سره مرسته کوي. دوی ستاسو له ښوونځي، ستاسو له سرپرست، "
        "ستاسو د اوسیدو له ځای، له کار او نورو هغو کسانو څخه دي چې پر هغوی باور لرئ.",
        "what_2": "دوی ستاسو سره یو ځای د یوه میز شاوخوا کېني.",
        "what_3": "تاسو په مرکز کې یاست. ستاسو پوښتنې او هیلې لومړی دي.",
        "what_4": "موږ ستاسو سره یو ځای یو پلان جوړوو: د ښه احساس، ښوونځي او کار لپاره.",
        "not_title": "د ملاتړ شبکه څه نه ده",
        "not_1": "دا سزا نه ده. تاسو هیڅ غلط کار نه دی کړی.",
        "not_2": "دا پولیس نه دي او محکمه هم نه ده.",
        "not_3": "دا ستاسو د اوسیدو د اسنادو په اړه پرېکړه نه کوي.",
        "expect_title": "تاسو د څه تمه کولی شئ؟",
        "expect_1": "موږ تاسو ته غوږ نیسو او ستاسو نظرونه جدي نیسو.",
        "expect_2": "موږ هر څه په هغه ژبه تشریح کوو چې تاسو یې پوهېږئ. ژباړن هم راتلی شي.",
        "expect_3": "موږ یوازې هغه څه شریکوو چې ستاسو د مرستې لپاره اړین دي، او تاسو ته وایو چې څه شریکوو.",
        "expect_4": "تاسو پوهېږئ چې کومه پوښتنه له چا وکړئ.",
        "expect_5": "موږ بیا سره ګورو او یو ځای ګورو چې کارونه څنګه روان دي.",
        "who_title": "څوک پکې ګډون کوي؟",
        "who_name": "نوم",
        "who_role": "دنده",
        "who_sector": "کار کوي په",
        "who_empty": "دلته د هغو کسانو نومونه ولیکئ چې ستاسو په شبکه کې دي.",
        "you_title": "تاسو تل کولی شئ خپل نظر ووایاست",
        "you_1": "پوښتنه یا اندېښنه لرئ؟ له دې کسانو څخه یوه ته ووایاست. تاسو کولی شئ نه هم ووایاست.",
        "my_contact": "زما د اړیکې کس",
        "confidential": "شخصي او محرم. یوازې ستاسو او ستاسو د ملاتړ شبکې لپاره.",
        "who_phone": "تلیفون",
        "who_question": "د دې پوښتنې لپاره",
        "date": "نېټه",
        "page_title": "ستا خپله پاڼه په ټیلیفون کې",
        "page_scan": "مربع د خپل ټیلیفون په کمرې سره سکن کړه، یا لینک ولیکه.",
        "page_code": "کوډ: له خپل اړیکې شخص څخه یې وپوښته.",
        "roles": {
            "school_coach": "د ښوونځي لارښود",
            "okan_coach": "د OKAN لارښود",
            "student_counsellor": "د زده کوونکو سلاکار",
            "clb_worker": "د CLB کارکوونکی",
            "guardian": "سرپرست",
            "housing_counsellor": "د استوګنې سلاکار",
            "social_worker": "ټولنیز کارکوونکی",
            "psychologist": "ارواپوه",
            "job_coach": "د VDAB د کار لارښود",
            "youth_worker": "د ځوانانو کارکوونکی",
            "interpreter": "ژباړن",
            "family_member": "د کورنۍ غړی",
            "buddy": "ملګری / رضاکار",
            "other": "نور",
        },
        "months": (
            "جنوري",
            "فبروري",
            "مارچ",
            "اپریل",
            "مۍ",
            "جون",
            "جولای",
            "اګست",
            "سپتمبر",
            "اکتوبر",
            "نومبر",
            "ډسمبر",
        ),
        "sectors": {
            "education": "زده کړه",
            "welfare": "ټولنیزه هوساینه",
            "work": "کار",
            "guardianship": "سرپرستي",
            "housing": "استوګنه",
            "health": "روغتیا",
            "integration": "ټولنیز ادغام",
            "family": "کورنۍ",
            "leisure": "وزګار وخت",
            "other": "نور",
        },
    },
    "ti": {
        "title": "ናትካ መርበብ ደገፍ",
        "subtitle": "ሓበሬታ ንዓኻ",
        "what_title": "መርበብ ደገፍ እንታይ እዩ?",
        "what_1": "ዝሕግዙኻ ሰባት ዝርከብዋ ንእሽቶ ጉጅለ እያ። ካብ ቤት ትምህርትኻ፣ ካብ ሞግዚትካ፣ ካብ እትነብረሉ ቦታ፣ ካብ ስራሕን ካብ ካልኦት እትኣምኖም ሰባትን እዮም።",
        "what_2": "ምሳኻ ብሓባር ኣብ ሓደ ጠረጴዛ ይቕመጡ።",
        "what_3": "ንስኻ ኣብ ማእከል ኢኻ። ሕቶታትካን ድሌታትካን ይቕድሙ።",
        "what_4": "ብሓባር ምሳኻ ሓደ መደብ ንሰርሕ፦ ንጽቡቕ ስምዒት፣ ንትምህርትን ንስራሕን።",
        "not_title": "መርበብ ደገፍ እንታይ ኣይኮነን",
        "not_1": "መቕጻዕቲ ኣይኮነን። ንስኻ ጌጋ ኣይገበርካን።",
        "not_2": "ፖሊስ ኣይኮነን፣ ቤት ፍርዲ ድማ ኣይኮነን።",
        "not_3": "ብዛዕባ ወረቓቕቲ መንበሪኻ ኣይውስንን እዩ።",
        "expect_title": "እንታይ ክትጽበ ትኽእል?",
        "expect_1": "ንሰምዓካ ኢና፣ ሓሳባትካ ድማ ብቑምነገር ንወስዶ።",
        "expect_2": "ኩሉ ብእትርድኦ ቋንቋ ንገልጽ። ተርጓማይ ክመጽእ ይኽእል።",
        "expect_3": "ንምሕጋዝካ ዘድሊ ጥራይ ኢና ነካፍል፣ እንታይ ከም እነካፍል ድማ ንነግረካ።",
        "expect_4": "ነየናይ ሕቶ ናብ መን ከም እትኸይድ ትፈልጥ።",
        "expect_5": "ደጊምና ንራኸብ፣ ከመይ ይኸይድ ከም ዘሎ ድማ ብሓባር ንርኢ።",
        "who_title": "መን ይሳተፍ?",
        "who_name": "ስም",
        "who_role": "ተራ",
        "who_sector": "ዝሰርሓሉ",
        "who_empty": "ኣብዚ ኣስማት ናይቶም ኣብ መርበብካ ዘለዉ ሰባት ጸሓፍ።",
        "you_title": "ዝሓሰብካዮ ኩሉ ግዜ ክትዛረብ ትኽእል ኢኻ",
        "you_1": "ሕቶ ወይ ስክፍታ ኣለካ ድዩ? ንሓደ ካብዞም ሰባት ንገሮ። ኣይፋል ክትብል'ውን ትኽእል ኢኻ።",
        "my_contact": "ናተይ ርክብ ሰብ",
        "confidential": "ውልቃውን ምስጢራውን። ንዓኻን ንመርበብ ደገፍካን ጥራይ።",
        "who_phone": "ቴሌፎን",
        "who_question": "ብዛዕባ",
        "date": "ዕለት",
        "page_title": "ናይ ባዕልኻ ገጽ ኣብ ተሌፎንካ",
        "page_scan": "ነቲ ትርብዒት ብካሜራ ተሌፎንካ ስካን ግበሮ፡ ወይ ነቲ ሊንክ ጽሓፎ።",
        "page_code": "ኮድ፦ ንሰብ ርክብካ ሕተት።",
        "roles": {
            "school_coach": "ኣሰልጣኒ ቤት ትምህርቲ",
            "okan_coach": "ኣሰልጣኒ OKAN",
            "student_counsellor": "ኣማኻሪ ተማሃሮ",
            "clb_worker": "ሰራሕተኛ CLB",
            "guardian": "ሞግዚት",
            "housing_counsellor": "ኣማኻሪ መንበሪ",
            "social_worker": "ማሕበራዊ ሰራሕተኛ",
            "psychologist": "ክኢላ ስነ-ኣእምሮ",
            "job_coach": "ኣሰልጣኒ ስራሕ VDAB",
            "youth_worker": "ሰራሕተኛ መንእሰያት",
            "interpreter": "ተርጓማይ",
            "family_member": "ኣባል ስድራቤት",
            "buddy": "ብጻይ / ወለንታዊ",
            "other": "ካልእ",
        },
        "months": ("ጥሪ", "ለካቲት", "መጋቢት", "ሚያዝያ", "ግንቦት", "ሰነ", "ሓምለ", "ነሓሰ", "መስከረም", "ጥቅምቲ", "ሕዳር", "ታሕሳስ"),
        "sectors": {
            "education": "ትምህርቲ",
            "welfare": "ማሕበራዊ ደገፍ",
            "work": "ስራሕ",
            "guardianship": "ሞግዚትነት",
            "housing": "መንበሪ",
            "health": "ጥዕና",
            "integration": "ምውህሃድ",
            "family": "ስድራቤት",
            "leisure": "ናጻ ግዜ",
            "other": "ካልእ",
        },
    },
    "so": {
        "title": "Shabakaddaada taageerada",
        "subtitle": "Macluumaad adiga kuu socda",
        "what_title": "Waa maxay shabakad taageero?",
        "what_1": "Koox yar oo dad ah oo ku caawiya. Waxay ka yimaadaan dugsigaaga, mas'uulkaaga sharciga ah, "
        "meesha aad ku nooshahay, shaqada iyo dad kale oo aad aamminsan tahay.",
        "what_2": "Waxay ku wada fadhiyaan hal miis, adiga oo la jooga.",
        "what_3": "Adiga ayaa bartamaha ah. Su'aalahaaga iyo rabitaankaaga ayaa ka horreeya.",
        "what_4": "Si wadajir ah ayaan adiga kuula samaynaynaa hal qorshe: si aad u dareento fiicnaan, "
        "dugsiga iyo shaqada.",
        "not_title": "Waxa aanay shabakad taageero ahayn",
        "not_1": "Ma aha ciqaab. Wax khalad ah ma aadan samayn.",
        "not_2": "Ma aha booliis, mana aha maxkamad.",
        "not_3": "Ma go'aamiso waraaqahaaga deganaanshaha.",
        "expect_title": "Maxaad filan kartaa?",
        "expect_1": "Waan ku dhageysanaynaa, fikradahaagana si dhab ah ayaan u qaadanaynaa.",
        "expect_2": "Wax walba waxaan ku sharxaynaa luqad aad fahanto. Turjubaan ayaa iman kara.",
        "expect_3": "Waxaan wadaagnaa oo keliya waxa loo baahan yahay si laguu caawiyo, waxaana kuu sheegaynaa "
        "waxa aan wadaagno.",
        "expect_4": "Waad ogtahay su'aal kasta cidda aad weydiinayso.",
        "expect_5": "Mar kale ayaan kulmaynaa oo si wadajir ah ayaan u eegaynaa sida ay wax u socdaan.",
        "who_title": "Yaa ka qayb qaata?",
        "who_name": "Magaca",
        "who_role": "Doorka",
        "who_sector": "Wuxuu ka shaqeeyaa",
        "who_empty": "Halkan ku qor magacyada dadka ku jira shabakaddaada.",
        "you_title": "Had iyo jeer waad dhihi kartaa waxaad ka fikirayso",
        "you_1": "Ma qabtaa su'aal ama walwal? U sheeg mid ka mid ah dadkan. Waxaad sidoo kale dhihi kartaa maya.",
        "my_contact": "Qofka aan la xiriiro",
        "confidential": "Shakhsi iyo qarsoodi. Adiga iyo shabakaddaada taageerada oo keliya.",
        "who_phone": "Taleefan",
        "who_question": "Weydii",
        "date": "Taariikh",
        "page_title": "Boggaaga gaarka ah ee taleefankaaga",
        "page_scan": "Ku iskaan afargeeska kamaradda taleefankaaga, ama qor linkiga.",
        "page_code": "Koodhka: weydii qofka xiriirkaaga.",
        "roles": {
            "school_coach": "Hagaha dugsiga",
            "okan_coach": "Hagaha OKAN",
            "student_counsellor": "La-taliyaha ardayda",
            "clb_worker": "Shaqaalaha CLB",
            "guardian": "Mas'uulka sharciga",
            "housing_counsellor": "La-taliyaha hoyga",
            "social_worker": "Shaqaale bulsho",
            "psychologist": "Takhtarka nafsiga",
            "job_coach": "Hagaha shaqada VDAB",
            "youth_worker": "Shaqaalaha dhallinyarada",
            "interpreter": "Turjubaan",
            "family_member": "Xubin qoys",
            "buddy": "Saaxiib / mutadawac",
            "other": "Kale",
        },
        "months": (
            "Janaayo",
            "Febraayo",
            "Maarso",
            "Abriil",
            "Maajo",
            "Juun",
            "Luuliyo",
            "Ogost",
            "Sebtembar",
            "Oktoobar",
            "Nofembar",
            "Desembar",
        ),
        "sectors": {
            "education": "Waxbarasho",
            "welfare": "Daryeel bulsho",
            "work": "Shaqo",
            "guardianship": "Masuuliyad sharci",
            "housing": "Hoy",
            "health": "Caafimaad",
            "integration": "Is-dhexgal",
            "family": "Qoys",
            "leisure": "Waqti firaaqo",
            "other": "Kale",
        },
    },
}

LANGUAGES = {
    "nl": YouthLanguage("nl", "Nederlands", _("Dutch"), "nl", False, True, True),
    "en": YouthLanguage("en", "English", _("English"), "en", False, True, True),
    "fr": YouthLanguage("fr", "Français", _("French"), "fr", False, True, True),
    "ar": YouthLanguage("ar", "العربية", _("Arabic"), "ar", True, False, False),
    "prs": YouthLanguage("prs", "دری", _("Dari"), "fa-AF", True, False, False),
    "ps": YouthLanguage("ps", "پښتو", _("Pashto"), "ps", True, False, False),
    "ti": YouthLanguage("ti", "ትግርኛ", _("Tigrinya"), "ti", False, False, False),
    "so": YouthLanguage("so", "Soomaali", _("Somali"), "so", False, False, False),
}
DEFAULT_LANGUAGE = "nl"

# How coaches write the interpreter language (free text on the youth) -> our code.
_ALIASES = {
    "nl": ("nl", "dutch", "nederlands", "néerlandais", "neerlandais", "vlaams"),
    "en": ("en", "english", "engels", "anglais"),
    "fr": ("fr", "french", "frans", "français", "francais"),
    "ar": ("ar", "arabic", "arabisch", "arabe", "العربية", "عربي"),
    # `fa` is Persian; the youths we meet read Dari (Afghan Persian), so `?lang=fa` gives Dari.
    "prs": ("prs", "fa", "fa-af", "dari", "dari persian", "دری", "farsi (dari)", "farsi", "persian", "perzisch"),
    "ps": ("ps", "pashto", "pashtu", "pasjtoe", "pachto", "پښتو"),
    "ti": ("ti", "tigrinya", "tigrinia", "tigrinja", "tigrigna", "ትግርኛ"),
    "so": ("so", "somali", "somalisch", "somalien", "soomaali"),
}
_ALIAS_TO_CODE = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}


def _checked_codes() -> set[str]:
    """The languages an admin has marked as checked by a native speaker (LeafletTranslation)."""
    from youths.models import LeafletTranslation

    return set(LeafletTranslation.objects.filter(checked=True).values_list("language", flat=True))


def _with_review(language: YouthLanguage, checked_codes: set[str]) -> YouthLanguage:
    if language.checked or language.code not in checked_codes:
        return language
    return replace(language, checked=True)


def available_languages() -> list[YouthLanguage]:
    checked_codes = _checked_codes()
    return [_with_review(language, checked_codes) for language in LANGUAGES.values()]


def language_code_for(text: str) -> str | None:
    """The code of a free-text language name ('Dari', 'Arabisch'), or None when we have no texts."""
    return _ALIAS_TO_CODE.get((text or "").strip().lower())


def default_language_for(youth) -> str:
    """The youth's interpreter language when translated, else Dutch."""
    if youth is None:
        return DEFAULT_LANGUAGE
    return language_code_for(youth.interpreter_language) or DEFAULT_LANGUAGE


def resolve_language(requested: str | None, youth=None) -> YouthLanguage:
    """`?lang=` when it is one we have, else the youth's default."""
    code = language_code_for(requested or "") if requested else None
    code = code or default_language_for(youth)
    return _with_review(LANGUAGES[code], _checked_codes())


def leaflet_texts(code: str) -> dict:
    """All texts of the leaflet (and the sector names) in one language."""
    language = LANGUAGES[code]
    if not language.from_catalogue:
        return TRANSLATIONS[code]
    from accounts.choices import Sector  # the youths app does not depend on networks at import time

    with translation.override(code):
        texts = {key: str(value) for key, value in SOURCE_TEXTS.items()}
        texts["sectors"] = {key: str(Sector(key).label) for key in SECTOR_KEYS}
    return texts


def role_names(code: str, role: str, role_label) -> tuple[str, str]:
    """The role in the leaflet's language and the Dutch word the youth hears in Flanders.

    Returns (translated, dutch); `translated` is empty when the leaflet is in Dutch.
    """
    with translation.override("nl"):
        dutch = str(role_label)
    if code == "nl":
        return "", dutch
    language = LANGUAGES[code]
    if language.from_catalogue:
        with translation.override(code):
            return str(role_label), dutch
    return TRANSLATIONS[code]["roles"].get(role, TRANSLATIONS[code]["roles"]["other"]), dutch


def leaflet_date(code: str, day) -> str:
    """A date as the youth reads it: '1 December 2026', '1 december 2026', '1 ديسمبر 2026';
    the month by name, so no reader mistakes day and month."""
    from django.utils.dateformat import format as date_format

    if day is None:
        return ""
    language = LANGUAGES[code]
    if language.from_catalogue:
        with translation.override(code):
            return date_format(day, "j F Y")
    return f"{day.day} {TRANSLATIONS[code]['months'][day.month - 1]} {day.year}"
