//! The retrieval set in Satchel's other languages: ten of the English set's topics
//! (same titles), each as a passage written in the language and a question a learner
//! would ask in it, in other words than the passage's. Written for these tests.

/// (language, [(topic, passage, question)]).
pub type LanguageSet = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

pub const LANGUAGE_SETS: &[LanguageSet] = &[
    (
        "es",
        &[
            (
                "Photosynthesis",
                "Las plantas verdes fabrican su propio alimento. En los cloroplastos, la clorofila absorbe la luz del sol y usa su energía para convertir el dióxido de carbono y el agua en glucosa. El oxígeno se libera como subproducto.",
                "¿Cómo se alimentan las plantas?",
            ),
            (
                "Cell respiration",
                "Cada célula viva obtiene energía de la glucosa mediante la respiración. En las mitocondrias, la glucosa reacciona con el oxígeno y produce dióxido de carbono, agua y ATP, la molécula que las células gastan como energía.",
                "¿De dónde saca un ser vivo la energía del azúcar?",
            ),
            (
                "Mitosis",
                "La mitosis es la forma en que una célula del cuerpo se divide en dos células hijas idénticas. Los cromosomas se copian, se alinean en el centro de la célula y se separan hacia los extremos antes de que la célula se parta.",
                "¿Qué pasa cuando una célula se convierte en dos copias?",
            ),
            (
                "The heart",
                "El corazón humano tiene cuatro cavidades. El lado derecho bombea la sangre a los pulmones para recoger oxígeno, y el lado izquierdo envía la sangre rica en oxígeno al resto del cuerpo por las arterias.",
                "¿Qué órgano manda la sangre a buscar oxígeno?",
            ),
            (
                "Atoms",
                "Un átomo tiene un núcleo diminuto y denso de protones y neutrones, rodeado de electrones. El número de protones, llamado número atómico, decide qué elemento es el átomo.",
                "¿Qué determina de qué elemento se trata?",
            ),
            (
                "Rusting",
                "El hierro se oxida cuando entra en contacto con el agua y el oxígeno a la vez. Pintar, engrasar o galvanizar el metal con zinc los mantiene alejados y detiene la corrosión.",
                "¿Cómo evito que una reja de metal se ponga naranja?",
            ),
            (
                "The water cycle",
                "El sol calienta los mares y los lagos y el agua se evapora. El vapor sube, se enfría y se condensa en nubes, y luego vuelve a caer como lluvia o nieve y los ríos la llevan al mar.",
                "¿De dónde viene la lluvia?",
            ),
            (
                "Volcanoes",
                "Un volcán se forma donde la roca fundida, llamada magma, sube a través de la corteza. La presión de los gases disueltos puede hacer que la erupción sea explosiva y lance ceniza y lava.",
                "¿Por qué algunas erupciones estallan con violencia?",
            ),
            (
                "Plate tectonics",
                "La corteza de la Tierra está partida en placas que se desplazan unos centímetros cada año sobre el manto. Donde las placas chocan se levantan montañas; donde se rozan al pasar, los terremotos sacuden el suelo.",
                "¿Qué hace temblar la tierra?",
            ),
            (
                "Acids and bases",
                "Los ácidos tienen un pH menor que 7 y las bases un pH mayor que 7. Cuando un ácido y una base reaccionan se neutralizan mutuamente y forman una sal y agua.",
                "¿Qué se obtiene al mezclar algo agrio con un álcali?",
            ),
        ],
    ),
    (
        "fr",
        &[
            (
                "Photosynthesis",
                "Les plantes vertes fabriquent leur propre nourriture. Dans les chloroplastes, la chlorophylle absorbe la lumière du soleil et utilise son énergie pour transformer le dioxyde de carbone et l'eau en glucose. L'oxygène est rejeté comme sous-produit.",
                "Comment les plantes se nourrissent-elles ?",
            ),
            (
                "Cell respiration",
                "Chaque cellule vivante libère l'énergie du glucose par la respiration. Dans les mitochondries, le glucose réagit avec l'oxygène pour donner du dioxyde de carbone, de l'eau et de l'ATP, la molécule que les cellules dépensent comme énergie.",
                "D'où un être vivant tire-t-il l'énergie du sucre ?",
            ),
            (
                "Mitosis",
                "La mitose est la façon dont une cellule du corps se divise en deux cellules filles identiques. Les chromosomes sont copiés, s'alignent au milieu de la cellule puis sont tirés vers les deux extrémités avant que la cellule ne se sépare.",
                "Que se passe-t-il quand une cellule devient deux copies ?",
            ),
            (
                "The heart",
                "Le cœur humain a quatre cavités. Le côté droit envoie le sang vers les poumons pour y prendre de l'oxygène, et le côté gauche pompe le sang riche en oxygène dans le reste du corps par les artères.",
                "Quel organe envoie le sang chercher de l'oxygène ?",
            ),
            (
                "Atoms",
                "Un atome possède un minuscule noyau dense de protons et de neutrons, entouré d'électrons. Le nombre de protons, appelé numéro atomique, détermine de quel élément il s'agit.",
                "Qu'est-ce qui décide de la nature d'un élément ?",
            ),
            (
                "Rusting",
                "Le fer rouille quand il rencontre à la fois l'eau et l'oxygène. Peindre, huiler ou galvaniser le métal avec du zinc les tient à l'écart et arrête la corrosion.",
                "Comment empêcher un portail en métal de devenir orange ?",
            ),
            (
                "The water cycle",
                "Le soleil chauffe les mers et les lacs, et l'eau s'évapore. La vapeur monte, se refroidit et se condense en nuages, puis retombe en pluie ou en neige et rejoint la mer par les rivières.",
                "D'où vient la pluie ?",
            ),
            (
                "Volcanoes",
                "Un volcan se forme là où la roche fondue, appelée magma, remonte à travers la croûte. La pression des gaz dissous peut rendre l'éruption explosive et projeter des cendres et de la lave.",
                "Pourquoi certaines éruptions sont-elles si violentes ?",
            ),
            (
                "Plate tectonics",
                "La croûte terrestre est découpée en plaques qui dérivent de quelques centimètres par an sur le manteau. Là où les plaques se heurtent, des montagnes s'élèvent ; là où elles frottent l'une contre l'autre, des séismes secouent le sol.",
                "Qu'est-ce qui fait trembler la terre ?",
            ),
            (
                "Acids and bases",
                "Les acides ont un pH inférieur à 7 et les bases un pH supérieur à 7. Quand un acide et une base réagissent, ils se neutralisent et forment un sel et de l'eau.",
                "Qu'obtient-on en mélangeant quelque chose d'aigre avec un alcali ?",
            ),
        ],
    ),
    (
        "pt",
        &[
            (
                "Photosynthesis",
                "As plantas verdes produzem o próprio alimento. Nos cloroplastos, a clorofila absorve a luz do sol e usa sua energia para transformar gás carbônico e água em glicose. O oxigênio é liberado como subproduto.",
                "Como as plantas se alimentam?",
            ),
            (
                "Cell respiration",
                "Toda célula viva libera energia da glicose pela respiração. Nas mitocôndrias, a glicose reage com o oxigênio e forma gás carbônico, água e ATP, a molécula que as células gastam como energia.",
                "De onde um ser vivo tira a energia do açúcar?",
            ),
            (
                "Mitosis",
                "A mitose é o modo como uma célula do corpo se divide em duas células-filhas idênticas. Os cromossomos são copiados, alinham-se no meio da célula e são puxados para os polos opostos antes de a célula se partir.",
                "O que acontece quando uma célula vira duas cópias?",
            ),
            (
                "The heart",
                "O coração humano tem quatro cavidades. O lado direito bombeia o sangue para os pulmões para buscar oxigênio, e o lado esquerdo manda o sangue rico em oxigênio para o resto do corpo pelas artérias.",
                "Qual órgão envia o sangue para pegar oxigênio?",
            ),
            (
                "Atoms",
                "Um átomo tem um núcleo minúsculo e denso de prótons e nêutrons, cercado de elétrons. O número de prótons, chamado número atômico, decide qual elemento o átomo é.",
                "O que define de que elemento se trata?",
            ),
            (
                "Rusting",
                "O ferro enferruja quando encontra água e oxigênio ao mesmo tempo. Pintar, lubrificar ou galvanizar o metal com zinco os mantém afastados e impede a corrosão.",
                "Como proteger um portão de metal para que não fique laranja?",
            ),
            (
                "The water cycle",
                "O sol aquece os mares e os lagos e a água evapora. O vapor sobe, esfria e se condensa em nuvens, depois cai de novo como chuva ou neve e volta ao mar pelos rios.",
                "De onde vem a chuva?",
            ),
            (
                "Volcanoes",
                "Um vulcão se forma onde a rocha derretida, chamada magma, sobe pela crosta. A pressão dos gases dissolvidos pode tornar a erupção explosiva, lançando cinzas e lava.",
                "Por que algumas erupções explodem com violência?",
            ),
            (
                "Plate tectonics",
                "A crosta da Terra é dividida em placas que se deslocam alguns centímetros por ano sobre o manto. Onde as placas colidem surgem montanhas; onde elas deslizam uma contra a outra, terremotos sacodem o chão.",
                "O que faz o chão tremer?",
            ),
            (
                "Acids and bases",
                "Os ácidos têm pH menor que 7 e as bases pH maior que 7. Quando um ácido e uma base reagem, eles se neutralizam e formam um sal e água.",
                "O que se obtém ao misturar algo azedo com um álcali?",
            ),
        ],
    ),
    (
        "sw",
        &[
            (
                "Photosynthesis",
                "Mimea ya kijani hutengeneza chakula chake yenyewe. Ndani ya kloroplasti, klorofili hufyonza mwanga wa jua na kutumia nishati yake kubadilisha kaboni dioksidi na maji kuwa glukosi. Oksijeni hutolewa kama zao la ziada.",
                "Mimea hupataje chakula chake?",
            ),
            (
                "Cell respiration",
                "Kila seli hai hupata nishati kutoka kwa glukosi kwa njia ya upumuaji. Ndani ya mitokondria, glukosi huungana na oksijeni na kutoa kaboni dioksidi, maji na ATP, molekuli ambayo seli hutumia kama nishati.",
                "Kiumbe hai hupataje nguvu kutoka kwa sukari?",
            ),
            (
                "Mitosis",
                "Mitosisi ni jinsi seli ya mwili inavyogawanyika kuwa seli mbili zinazofanana. Kromosomu hunakiliwa, hujipanga katikati ya seli na kuvutwa pande mbili kabla seli haijagawanyika.",
                "Nini hutokea seli moja inapokuwa nakala mbili?",
            ),
            (
                "The heart",
                "Moyo wa binadamu una vyumba vinne. Upande wa kulia husukuma damu kwenda kwenye mapafu kuchukua oksijeni, na upande wa kushoto husukuma damu yenye oksijeni mwili mzima kupitia ateri.",
                "Ni kiungo gani hupeleka damu kuchukua oksijeni?",
            ),
            (
                "Atoms",
                "Atomi ina kiini kidogo kizito cha protoni na nyutroni, kilichozungukwa na elektroni. Idadi ya protoni, inayoitwa namba ya atomi, huamua atomi ni elementi gani.",
                "Ni nini huamua kitu ni elementi gani?",
            ),
            (
                "Rusting",
                "Chuma hupata kutu kinapokutana na maji na oksijeni kwa pamoja. Kupaka rangi, kupaka mafuta au kupaka zinki kwenye chuma huviweka mbali na kuzuia kutu.",
                "Ninawezaje kulinda geti la chuma lisigeuke rangi ya machungwa?",
            ),
            (
                "The water cycle",
                "Jua hupasha joto bahari na maziwa na maji huvukizwa. Mvuke hupanda juu, hupoa na kugandamana kuwa mawingu, kisha hunyesha tena kama mvua au theluji na kurudi baharini kupitia mito.",
                "Mvua inatoka wapi?",
            ),
            (
                "Volcanoes",
                "Volkano hutokea mahali ambapo mwamba ulioyeyuka, unaoitwa magma, hupanda kupitia ganda la dunia. Shinikizo la gesi zilizoyeyuka linaweza kufanya mlipuko kuwa mkali, ukirusha majivu na lava.",
                "Kwa nini milipuko mingine ni ya nguvu sana?",
            ),
            (
                "Plate tectonics",
                "Ganda la dunia limegawanyika kuwa mabamba yanayosogea sentimita chache kila mwaka juu ya joho. Mabamba yanapogongana milima huinuka; yanaposuguana, matetemeko ya ardhi hutikisa ardhi.",
                "Ni nini hufanya ardhi itetemeke?",
            ),
            (
                "Acids and bases",
                "Asidi zina pH chini ya 7 na besi zina pH juu ya 7. Asidi na besi zinapoathiriana hubatilishana na kutengeneza chumvi na maji.",
                "Unapata nini ukichanganya kitu kichachu na alkali?",
            ),
        ],
    ),
    (
        "hi",
        &[
            (
                "Photosynthesis",
                "हरे पौधे अपना भोजन स्वयं बनाते हैं। क्लोरोप्लास्ट में क्लोरोफिल सूर्य का प्रकाश सोखता है और उसकी ऊर्जा से कार्बन डाइऑक्साइड और पानी को ग्लूकोज़ में बदलता है। ऑक्सीजन उप-उत्पाद के रूप में निकलती है।",
                "पौधे अपना पेट कैसे भरते हैं?",
            ),
            (
                "Cell respiration",
                "हर जीवित कोशिका श्वसन द्वारा ग्लूकोज़ से ऊर्जा निकालती है। माइटोकॉन्ड्रिया में ग्लूकोज़ ऑक्सीजन से क्रिया करके कार्बन डाइऑक्साइड, पानी और एटीपी बनाता है, जिसे कोशिकाएँ ऊर्जा के रूप में खर्च करती हैं।",
                "जीव चीनी से ताकत कैसे पाता है?",
            ),
            (
                "Mitosis",
                "समसूत्री विभाजन वह तरीका है जिससे शरीर की एक कोशिका दो एक जैसी संतति कोशिकाओं में बँट जाती है। गुणसूत्रों की प्रतिलिपि बनती है, वे कोशिका के बीच में पंक्ति में आते हैं और फिर दोनों सिरों की ओर खिंच जाते हैं।",
                "जब एक कोशिका की दो नकलें बनती हैं तो क्या होता है?",
            ),
            (
                "The heart",
                "मनुष्य के हृदय में चार कक्ष होते हैं। दायाँ भाग रक्त को फेफड़ों में ऑक्सीजन लेने भेजता है, और बायाँ भाग ऑक्सीजन से भरपूर रक्त को धमनियों द्वारा पूरे शरीर में पंप करता है।",
                "कौन सा अंग खून को ऑक्सीजन लेने भेजता है?",
            ),
            (
                "Atoms",
                "परमाणु में प्रोटॉन और न्यूट्रॉन का एक बहुत छोटा घना नाभिक होता है, जिसके चारों ओर इलेक्ट्रॉन होते हैं। प्रोटॉनों की संख्या, जिसे परमाणु क्रमांक कहते हैं, तय करती है कि परमाणु कौन सा तत्व है।",
                "किसी चीज़ का तत्व कौन तय करता है?",
            ),
            (
                "Rusting",
                "लोहे पर जंग तब लगती है जब वह पानी और ऑक्सीजन दोनों के संपर्क में आता है। रंग करने, तेल लगाने या जस्ते की परत चढ़ाने से वे दूर रहते हैं और जंग रुक जाती है।",
                "लोहे के फाटक को नारंगी होने से कैसे बचाएँ?",
            ),
            (
                "The water cycle",
                "सूर्य समुद्रों और झीलों को गर्म करता है और पानी भाप बनकर उड़ जाता है। भाप ऊपर उठती है, ठंडी होकर बादल बनाती है, फिर बारिश या बर्फ़ के रूप में गिरती है और नदियों से समुद्र में लौट जाती है।",
                "बारिश कहाँ से आती है?",
            ),
            (
                "Volcanoes",
                "ज्वालामुखी वहाँ बनता है जहाँ पिघली हुई चट्टान, जिसे मैग्मा कहते हैं, पृथ्वी की पपड़ी से ऊपर उठती है। घुली हुई गैसों का दबाव विस्फोट को भयंकर बना सकता है, जिससे राख और लावा बाहर फेंके जाते हैं।",
                "कुछ ज्वालामुखी ज़ोर से क्यों फटते हैं?",
            ),
            (
                "Plate tectonics",
                "पृथ्वी की पपड़ी प्लेटों में बँटी है जो हर साल कुछ सेंटीमीटर खिसकती हैं। जहाँ प्लेटें टकराती हैं वहाँ पहाड़ बनते हैं, और जहाँ वे एक-दूसरे से रगड़ती हैं वहाँ भूकंप ज़मीन को हिला देते हैं।",
                "ज़मीन क्यों काँपती है?",
            ),
            (
                "Acids and bases",
                "अम्लों का पीएच 7 से कम और क्षारों का पीएच 7 से अधिक होता है। जब अम्ल और क्षार क्रिया करते हैं तो वे एक-दूसरे को उदासीन कर देते हैं और नमक तथा पानी बनाते हैं।",
                "खट्टी चीज़ को क्षार में मिलाने से क्या मिलता है?",
            ),
        ],
    ),
    (
        "ar",
        &[
            (
                "Photosynthesis",
                "تصنع النباتات الخضراء غذاءها بنفسها. في البلاستيدات الخضراء يمتص الكلوروفيل ضوء الشمس ويستخدم طاقته لتحويل ثاني أكسيد الكربون والماء إلى جلوكوز، ويخرج الأكسجين ناتجًا ثانويًا.",
                "كيف تتغذى النباتات؟",
            ),
            (
                "Cell respiration",
                "تحرر كل خلية حية الطاقة من الجلوكوز بالتنفس. في الميتوكوندريا يتفاعل الجلوكوز مع الأكسجين فينتج ثاني أكسيد الكربون والماء وجزيء ATP الذي تنفقه الخلايا طاقةً.",
                "من أين يحصل الكائن الحي على الطاقة من السكر؟",
            ),
            (
                "Mitosis",
                "الانقسام المتساوي هو الطريقة التي تنقسم بها خلية الجسم إلى خليتين متطابقتين. تُنسخ الكروموسومات وتصطف في وسط الخلية ثم تُسحب إلى الطرفين قبل أن تنشطر الخلية.",
                "ماذا يحدث عندما تصبح الخلية نسختين؟",
            ),
            (
                "The heart",
                "لقلب الإنسان أربع حجرات. يضخ الجانب الأيمن الدم إلى الرئتين ليأخذ الأكسجين، ويضخ الجانب الأيسر الدم الغني بالأكسجين إلى بقية الجسم عبر الشرايين.",
                "أي عضو يرسل الدم ليأخذ الأكسجين؟",
            ),
            (
                "Atoms",
                "للذرة نواة صغيرة جدًا وكثيفة من البروتونات والنيوترونات تحيط بها الإلكترونات. عدد البروتونات، ويسمى العدد الذري، يحدد العنصر الذي تنتمي إليه الذرة.",
                "ما الذي يحدد نوع العنصر؟",
            ),
            (
                "Rusting",
                "يصدأ الحديد عندما يلتقي بالماء والأكسجين معًا. الطلاء أو التزييت أو الجلفنة بالزنك يبعدهما ويوقف التآكل.",
                "كيف أحمي بوابة معدنية من أن يصبح لونها برتقاليًا؟",
            ),
            (
                "The water cycle",
                "تسخن الشمس البحار والبحيرات فيتبخر الماء. يرتفع البخار ويبرد ويتكاثف في السحب، ثم يسقط مطرًا أو ثلجًا ويعود إلى البحر عبر الأنهار.",
                "من أين يأتي المطر؟",
            ),
            (
                "Volcanoes",
                "يتكون البركان حيث تصعد الصخور المنصهرة، وتسمى الصهارة، عبر القشرة. ضغط الغازات الذائبة قد يجعل الثوران انفجاريًا فيقذف الرماد والحمم.",
                "لماذا تكون بعض الثورانات عنيفة جدًا؟",
            ),
            (
                "Plate tectonics",
                "قشرة الأرض مقسمة إلى صفائح تنجرف بضعة سنتيمترات كل عام فوق الوشاح. حيث تتصادم الصفائح ترتفع الجبال، وحيث تحتك ببعضها تهز الزلازل الأرض.",
                "ما الذي يجعل الأرض تهتز؟",
            ),
            (
                "Acids and bases",
                "للأحماض رقم هيدروجيني أقل من 7 وللقواعد رقم أعلى من 7. عندما يتفاعل حمض مع قاعدة يعادل كل منهما الآخر ويتكون ملح وماء.",
                "ماذا ينتج عن خلط شيء حامض بقلوي؟",
            ),
        ],
    ),
];
