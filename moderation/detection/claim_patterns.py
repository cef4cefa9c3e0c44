"""The English claim patterns of the treatment-claim detector (:mod:`.claims`).

Fixed patterns, compiled with RE2 (:mod:`.fastre`) where they run on every post: efficacy
wording (strong and weak), negation, questions, warnings, hedges, advice to stop medical care,
sales pitches, guarantees, recommendations, and the words that say a post is about health.
:data:`TRIGGER` joins the claim-wording families into one pass over a post, and
:data:`FAMILY_SET` tells in one pass over a sentence which families it matches.  The patterns
of the other languages are in :mod:`.claim_languages`; what decides from their matches is in
:mod:`.claims`.
"""

from __future__ import annotations

import re

from . import fastre

STRONG_EFFICACY = fastre.compile(
    r"\b(?:cured|cures|curing|"
    r"cure\s+(?:my|her|his|their|your|you|it|me|him|them|calcinosis|"
    r"scleroderma|crest|the\s+disease)|healed\s+(?:my|her|his|me|it|the|completely)|"
    r"heals|reversed|reverses|reverse\s+(?:your|the|my|calcinosis|scleroderma)|"
    r"dissolved|dissolves|dissolve\s+(?:the|your|my|all|calcium|deposits)|"
    r"melt(?:ed|s)?\s+(?:away|out|the\s+(?:calcium|deposits))|melted|"
    r"got\s+rid\s+of|get\s+rid\s+of|gets\s+rid\s+of|getting\s+rid\s+of|"
    r"eliminat(?:ed|es)\s+(?:the|my|her|all|calcium|deposits)|"
    r"(?:completely|totally|fully|entirely)\s+(?:stopped|gone|healed|cleared|disappeared|"
    r"dissolved|cured|free|vanished|reversed)|stopped\s+(?:completely|for\s+good)|"
    r"no\s+more\s+(?:calcium|deposits?|lumps?|calcinosis|bumps|flare)|"
    r"(?:worked|works|work)\s+(?:wonders|like\s+magic|miracles)|miracle|like\s+magic|"
    r"saved\s+my\s+life|(?:hasn'?t|has\s+not|haven'?t|never)\s+(?:come|came)\s+back|not\s+(?:a\s+)?single\s+new|"
    r"(?:deposit|calcinosis|calcium|lump)[\s\-]free|free\s+of\s+(?:calcinosis|deposits|calcium)|"
    r"dr[ae]w\s+(?:out|the\s+calcium)|draws?\s+(?:out|the\s+calcium)|"
    r"pull(?:s|ed)?\s+(?:the\s+)?calcium\s+(?:right\s+)?out|pull(?:s|ed)?\s+out\s+(?:the\s+)?calcium|"
    r"flush(?:es|ed)?\s+(?:the\s+calcium\s+)?out|broke\s+down\s+the|breaks?\s+down\s+the|"
    r"(?:is|was|found|it'?s|'s|be)\s+(?:the|a)\s+(?:real\s+|only\s+|natural\s+|permanent\s+)?"
    r"cure|cure\s+for\s+(?:calcinosis|scleroderma|crest|it)|"
    r"did\s+what\s+the\s+doctors\s+could\s*(?:n[o']?t)|100\s?%\s+better|"
    r"(?:complete|full)\s+remission|went\s+into\s+remission|"
    r"(?:it|this|they)\s+(?:really\s+)?works|stop(?:ped|s)?\s+(?:the\s+)?(?:calcium|deposits?|"
    r"calcinosis)(?:\s+(?:from|growing|forming|flowing|coming|oozing|in\s+its))|"
    r"cleared\s+(?:my|her|his|their|the|all|up)|clears\s+(?:the|calcium|deposits)|"
    r"(?:is|was|got|been|are|were)\s+(?:completely\s+)?healed|healed\s+(?:me|him|them)|"
    r"(?:has|have|found|there'?s|there\s+is|so\s+there\s+is)\s+(?:the|a)\s+cure|"
    r"stops\s+it|it\s+stops|fixes|removed\s+all\s+the\s+calcium|breaks?\s+down\s+calcium|"
    r"dissolve[sd]?|pulls?\s+calcium|"
    r"make\s+(?:the\s+)?calcium\s+(?:stop|disappear)|made\s+(?:the\s+)?calcium\s+"
    r"(?:stop|disappear)|(?:will|can)\s+(?:cure|dissolve|reverse|heal|fix)|fix(?:ed)?\s+it|"
    # Removing or clearing the deposits themselves ("removes calcium from the body", "will
    # clear it completely", "melt calcium"): surgery also removes deposits, which is why an
    # established treatment alone never makes these a claim (see _classify_sentence).
    r"remov(?:e|es|ed|ing)\s+(?:all\s+)?(?:the\s+|their\s+|my\s+|your\s+|her\s+|his\s+)?"
    r"(?:calcium|calcinosis|deposits?|lumps?)|"
    r"(?:will|can|would)\s+(?:clear|remove|melt|eliminate|shrink|absorb)|"
    r"clear(?:s|ed)?\s+(?:it|them)\s+(?:completely|totally|up|away|for\s+good)|"
    r"melts?\s+(?:the\s+)?calcium|(?:completely|totally|fully)\s+(?:re)?absorbed|"
    r"sort(?:ed|s)?\s+(?:me|her|him|them|it)\s+out|(?:i'?m|am|is|was|are|now)\s+free\s+of\s+"
    r"(?:it|them)|(?:is|are)\s+all\s+you\s+need|(?:is|are)\s+the\s+only\s+(?:way|answer|thing)|"
    r"(?:is|was)\s+the\s+answer|dissout|gu[ée]ri[t]?|"
    # "not one lump left", "no deposits left"; "works, period", "works a treat".
    r"(?:not\s+(?:one|a\s+single)|no)\s+(?:lumps?|deposits?|bumps?|nodules?|calcium)\s+left|"
    r"(?:works|worked)\s*[,.!]*\s*(?:period|full\s+stop|a\s+treat))\b",
    True,
)
WEAK_EFFICACY = fastre.compile(
    r"\b(?:calcium|calcinosis|deposits?|lumps?|bumps?|nodules?|growths?|ulcers?|sores?|"
    r"wounds?|fingers?|fingertips?|knuckles?|elbows?|knees?|toes?|feet|legs?|arms?|joints?|"
    r"hands?|skin|it|they|them|all|everything|scleroderma|crest|disease)\b"
    r"[^.!?\n]{0,40}?\b(?:gone|disappeared|vanished|went\s+away|go(?:es)?\s+away|"
    r"(?:will|would)\s+(?:go|vanish|disappear|dissolve|fall\s+off)|back\s+to\s+normal|"
    r"shrinks?|absorbed|"
    r"cleared(?:\s+up)?|clearing|healed|shr[au]nk|shrinking|stopped|dissolv\w*|reversed|clear|"
    r"smooth|flattened|smaller|half\s+the\s+size|closed|improved|"
    r"dropped\s+out|fell\s+off|crumbled(?:\s+away)?|fell\s+away|faded(?:\s+away)?|"
    r"dried\s+up|softened)\b",
    True,
)
DEATH = fastre.compile(
    r"\b(?:she|he|mum|mom|mother|father|dad|husband|wife|sister|brother|grandma|grandmother|"
    r"aunt|uncle)\s+(?:is|was|has|had)\s+(?:\w+\s+)?gone\b",
    True,
)
NEGATION = fastre.compile(
    r"\b(?:not|no|never|nothing|neither|nor|without|none|cannot|hardly|barely|"
    r"\w+n't|didnt|doesnt|dont|wont|cant|isnt|wasnt|hasnt|havent|couldnt|wouldnt|"
    r"failed\s+to|unable\s+to|instead\s+of|despite|still)\b",
    True,
)
GENERALISED = fastre.compile(
    r"\b(?:cures|dissolves|reverses|heals|removes|melts|eliminates|works\s+for|"
    r"will\s+(?:cure|dissolve|reverse|heal|stop|get\s+rid|melt|disappear|be\s+gone)|"
    r"can\s+(?:cure|dissolve|reverse|heal)|is\s+the\s+(?:only\s+)?cure|cure\s+for|"
    r"you\s+will|guarantee)\b",
    True,
)
QUESTION_START = fastre.compile(
    r"^\W*(?:does|did|do|has|have|had|is|are|was|were|can|could|would|will|should|shall|"
    r"anyone|any\s+one|anybody|what|how|why|where|which|who|whether)\b",
    True,
)
WARNING = fastre.compile(
    r"\b(?:beware|scams?|scammers?|quacks?|quackery|careful|wary|fall\s+for|don'?t\s+believe|"
    r"do\s+not\s+believe|don'?t\s+trust|not\s+convinced|snake\s+oil|no\s+(?:real\s+|good\s+|"
    r"strong\s+|scientific\s+)?evidence|no\s+(?:studies|proof|research)|not\s+proven|"
    r"unproven|claims?|claiming|claimed|supposedly|so[\s\-]called|allegedly|waste\s+of|"
    r"wasted|rip[\s\-]?off|dangerous|too\s+good\s+to\s+be\s+true|advert\w*|adverts?|spam|"
    r"reported|lying|liars?|myths?|old\s+wives|misleading|false\s+hope|prey\s+on|"
    r"not\s+a\s+cure|no\s+cure|no\s+known\s+cure|sugar\s+pills?|placebo|useless|"
    r"dodgy|shady|terrible\s+advice|bad\s+advice|don'?t\s+listen|ignore\s+(?:them|him|her)|"
    r"(?:would|will|could)(?:\s+not|n'?t)\s+trust|suspicious\s+of|distrust)\b",
    True,
)
HEDGE = fastre.compile(
    r"\b(?:may|might|could|possibly|perhaps|maybe|hope|hoping|hopefully|wonder|wondering|"
    r"wish|not\s+sure|unsure|i\s+think|seems?\s+to|a\s+(?:little|bit)|slightly|"
    r"some\s+people\s+say|i\s+read|i\s+heard|studies|study|trials?|research|researchers|"
    r"evidence|ask\s+(?:your|a)|talk\s+to\s+your|check\s+with|speak\s+to\s+your|"
    r"under\s+(?:a\s+|the\s+)?specialist|"
    r"(?:doctor|rheumatologist|dermatologist|specialist|gp|surgeon|consultant|nurse|team)\s+"
    r"(?:said|says|suggested|thinks|told|recommended|explained|mentioned|wants|offered|"
    r"is\s+trying|tried|prescribed|put\s+(?:me|her|him))|"
    r"(?:said|says|told\s+(?:me|us|her|him))\s+(?:that\s+)?(?:it|this|they|the)|"
    r"don'?t\s+know\s+(?:whether|if))\b",
    True,
)
MEDICAL_CARE = (
    r"meds|medications?|medicines?|drugs|pills|tablets|prescriptions?|pharmaceuticals|"
    r"immunosuppressants?|rheumatologists?|rheums?|rheumy|rheumies|doctors?|specialists?|surgeons?|surgery|"
    r"surgeries|operations?|hospitals?|nephrologists?|dermatologists?|chemo|steroids|"
    r"prednisone|prednisolone|methotrexate|mtx|mycophenolate|cellcept|diltiazem|plaquenil|"
    r"hydroxychloroquine|nifedipine|amlodipine|infusions?|treatments?|bisphosphonates|"
    r"thiosulfate|thiosulphate|sts|dialysis|warfarin|colchicine|rituximab|ivig|"
    r"calcium\s+channel\s+blockers|blood\s+pressure\s+(?:tablets|pills|meds)|calcium\s+tablets|"
    r"allopath\w*\s+(?:medicines?|drugs|tablets|treatment)|english\s+medicines?|"
    r"hospital\s+(?:drugs|medicines?|meds|tablets)"
)
STOP_MED = fastre.compile(
    r"\b(?:(?:stop|quit|ditch|drop|bin|chuck|dump|flush|skip|cancel|avoid|refuse|"
    r"get\s+rid\s+of)\s+"
    r"(?:taking\s+|using\s+|"
    r"seeing\s+|all\s+)?|throw\s+(?:away|out)\s+|"
    r"come\s+off\s+|get\s+off\s+|give\s+up\s+|forget\s+(?:about\s+)?|"
    r"don'?t\s+(?:take|bother\s+with|waste\s+(?:your\s+)?(?:time|money)\s+on)\s+|"
    r"you\s+(?:can|should)\s+(?:throw\s+away|stop|quit|ditch)\s+|no\s+need\s+for\s+(?:an?\s+)?|"
    r"(?:i|we)\s+(?:stopped|quit|ditched|dropped|binned|came\s+off|gave\s+up|threw\s+(?:away|out))"
    r"\s+(?:giving\s+(?:\w+\s+){1,2}|taking\s+|all\s+)?)"
    r"(?:all\s+)?(?:of\s+)?(?:your|the|those|these|that|their|my|any|our|her|his)?\s*"
    rf"(?:\w+\s+){{0,2}}?(?:{MEDICAL_CARE})\b|"
    rf"\byou\s+(?:don'?t|do\s+not)\s+need\s+(?:(?:your|a|any|the|to\s+see\s+(?:a|the|your))\s+)?"
    rf"(?:of\s+(?:those|these|the|your)\s+)?(?:\w+\s+)?(?:{MEDICAL_CARE})\b|"
    # "throw your medicines in the dustbin", "flush your meds down the toilet".
    r"\b(?:throw|chuck|toss|put|flush|dump)\s+(?:all\s+)?(?:your|the|those|these)\s+(?:\w+\s+)?"
    rf"(?:{MEDICAL_CARE})\s+(?:in|into|down|away|out)\b|"
    r"\bleave\s+(?:the\s+|all\s+|your\s+)?(?:allopath\w*|english)\s+(?:medicines?|drugs|"
    r"tablets|treatment)\b|"
    rf"\bsay\s+no\s+to\s+(?:the\s+|your\s+|any\s+|all\s+)?(?:\w+\s+)?(?:{MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:go\s+for|agree\s+to|consent\s+to)\s+(?:the|that|an?|any|"
    rf"your)\s+(?:\w+\s+)?(?:{MEDICAL_CARE})\b|"
    # Casting doctors as profiteers: "doctors just want to sell you drugs".
    r"\b(?:doctors?|rheumatologists?|rheumy|rheums?|specialists?|hospitals?|they|pharma|"
    r"big\s+pharma)\s+(?:is\s+|are\s+)?(?:just|only)\s+(?:want\s+(?:to\s+sell\s+you|your\s+money|"
    r"to\s+make\s+money)|after\s+(?:your\s+)?money|in\s+it\s+for\s+(?:the\s+)?money)\b|"
    r"\bnobody\s+needs\s+(?:surgery|drugs|meds|medication|doctors)\b|"
    r"\bstop\s+listening\s+to\s+(?:your\s+)?doctors?\b|"
    r"\bdon'?t\s+let\s+them\s+put\s+you\s+on\b|"
    r"\bdoctors\s+are\s+(?:just\s+)?(?:poisoning|making\s+it\s+worse)\b|"
    r"\b(?:rheumatologists|doctors)\s+know\s+nothing\b|"
    r"\bi\s+don'?t\s+(?:go\s+to|see|need)\s+(?:the\s+)?(?:doctors?|rheumatologists?|hospitals?)\b|"
    r"\bthrew\s+(?:all\s+)?(?:mine|them|it\s+all)\s+(?:in|into)\s+the\s+bin\b|"
    r"\b(?:i'?m|i\s+am)\s+off\s+all\s+(?:my\s+)?(?:\w+\s+)?(?:meds|medications?|drugs|pills)\b|"
    r"\binstead\s+of\s+(?:the\s+)?(?:thiosulfate|surgery|meds|medication|drugs|steroids)\b|"
    # Turning readers away from their doctors or treatment without naming a drug.
    r"\b(?:stop|quit)\s+wasting\s+(?:your\s+)?(?:time|money)\s+(?:with|on)\s+(?:the\s+|your\s+)?"
    rf"(?:\w+\s+)?(?:{MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:go\s+back\s+to|listen\s+to|trust(?:ed)?|waste\s+(?:your\s+)?"
    r"(?:time|money)\s+(?:with|on))\s+(?:that|the|your|those|these|any)?\s*(?:\w+\s+)?"
    rf"(?:{MEDICAL_CARE})\b|"
    r"\b(?:don'?t|do\s+not|never)\s+let\s+(?:them|the\s+(?:doctors?|surgeons?|hospital))\s+"
    r"(?:amputate|operate|cut|put\s+(?:you|her|him)\s+on|give\s+(?:you|her|him)|"
    r"talk\s+you\s+into)\b|"
    r"\bif\s+(?:your|the)\s+(?:doctor|rheumatologist|specialist|surgeon|gp)\s+"
    r"(?:says|suggests|recommends|wants)\b[^.!?\n]{0,30}?\b(?:run|refuse|say\s+no|walk\s+away)\b|"
    r"\bno\s+need\s+(?:for|to)\s+(?:keep\s+)?(?:going\s+to\s+|seeing\s+|taking\s+|having\s+|"
    r"see\s+|take\s+|have\s+)?(?:an?\s+|the\s+|your\s+|any\s+|those\s+|more\s+)?"
    rf"(?:\w+\s+){{0,2}}?(?:{MEDICAL_CARE})\b|"
    rf"\b(?:{MEDICAL_CARE}|allopathy|pharma)\s+(?:is|are)\s+(?:just\s+|pure\s+|basically\s+)?"
    r"(?:slow\s+)?(?:poison|poisonous|toxic)\b|"
    r"\b(?:they|the\s+(?:drugs|meds|pills|tablets|medicines?))\s+(?:only|just)\s+make\s+"
    r"(?:you|the\s+body|it|things|her|him)\s+(?:weak|weaker|worse|sicker)\b",
    True,
)
# "Stop it and try the soaks instead", "I came off them all": the drug is named only in
# the sentences before, so these count only when medical care is mentioned nearby.
STOP_PRONOUN = fastre.compile(
    r"\b(?:(?:stop|quit|ditch|bin|come\s+off|get\s+off|throw\s+away|"
    r"(?:don'?t|do\s+not|never)\s+bother\s+with)\s+(?:taking\s+|using\s+)?|"
    r"(?:i|we|she|he)\s+(?:stopped|quit|ditched|binned|came\s+off|got\s+off|threw\s+away)\s+"
    r"(?:taking\s+)?)(?:it|them|those|these)(?:\s+all)?\b(?:\s+(?:and|&)\s+(?:try|use|take|do))?",
    True,
)
CARE_MENTION = fastre.compile(rf"\b(?:{MEDICAL_CARE}|drug|pill|tablet|medicine)\b", True)
# A clinician's own decision or advice, reported: "my doctor stopped my methotrexate",
# "the rheumatologist said to come off the steroids".
CLINICIAN_REPORT = fastre.compile(
    r"\b(?:doctor|doc|rheumatologist|rheum|dermatologist|specialist|consultant|gp|surgeon|"
    r"nurse|nephrologist|team|hospital)s?\s+(?:has\s+|had\s+|have\s+)?(?:stopped|said|says|"
    r"told|advised|agreed|decided|wanted|wants|suggested|took|switched|reduced|tapered|"
    r"weaned)\b",
    True,
)
# Somebody else's advice, reported by the poster: "someone online tells a patient to stop
# their medication", "sellers who urge people to ditch their pills".
REPORTED_ADVICE = fastre.compile(
    r"\b(?:someone|somebody|people|they|others|sites?|websites?|quacks?|healers?|sellers?|"
    r"vendors?|charlatans?|scammers?|influencers?|comments?|posts?)\s+(?:\w+\s+){0,4}?"
    r"(?:tells?|told|telling|advis\w+|urg\w+|push\w+|recommend\w*|say|says|said)\s+"
    r"(?:\w+\s+){0,3}?(?:to\s+)?$",
    True,
)
STOP_MED_NEGATED = fastre.compile(
    r"\b(?:don'?t|do\s+not|never|not|shouldn'?t|should\s+not|without|before|"
    r"told\s+(?:me|us|her|him)\s+to|said\s+to|advised\s+(?:me|us|her|him)\s+to|"
    r"wanted\s+(?:me|us|her|him)\s+to|suggested\s+(?:i|we|she|he)|would|wouldn'?t|"
    r"doctor\s+(?:had\s+)?(?:told|advised)|"
    # Someone else pushing the poster ("kept pushing me to stop my pills"), or the poster
    # asking or weighing it ("should I stop", "thinking about coming off").
    r"(?:pushing|pushed|urging|urged|telling|pressur\w+|nagging|begging|wants|want)\s+"
    r"(?:me|us|her|him|them)\s+to|(?:should|can|could|shall|must)\s+(?:i|we|she|he|they)|"
    r"whether\s+(?:to|i|we)|if\s+(?:i|we)\s+(?:should|can|could)|thinking\s+(?:of|about)|"
    r"considering|wondering|afraid\s+to|scared\s+to)\s*(?:\w+\s+){0,2}$",
    True,
)
PITCH = fastre.compile(
    r"\b(?:order\s+(?:from|now|online|today|yours|it|them|here|through|via|direct)|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text|call|email)\s+(?:me\s+|us\s+)?for\s+(?:the\s+)?"
    r"(?:price|prices|pricing|rates|cost|orders?)|"
    r"if\s+(?:you|anyone|u)\s+(?:want|wants|would\s+like|wish)\s+to\s+(?:buy|order|purchase)|"
    r"available\s+(?:at|from|in)\s+(?:our|my)\s+(?:store|shop|outlet|pharmacy|website|site)|"
    r"(?:i'?m|i\s+am)\s+an?\s+(?:independent\s+)?(?:distributor|seller|supplier|rep|agent|"
    r"ambassador)|cash\s+on\s+delivery|"
    # A price and an invitation to message in one sentence; buying "on our website".
    r"(?:for|at|only|just|costs?|price|is)\s+[$£€₹]\s?\d+[^.!?\n]{0,40}\b(?:dm|pm|inbox|message|"
    r"msg|whatsapp|text)\s+me|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text)\s+me\b[^.!?\n]{0,40}[$£€₹]\s?\d+|"
    r"(?:order|buy|purchase)\b[^.!?\n]{0,40}\b(?:on|from|via|through|at)\s+(?:our|my)\s+"
    r"(?:website|site|shop|store|page)|"
    r"buy\s+(?:now|it\s+(?:from|here|online)|them\s+(?:from|here|online)|from|online|here|yours)|"
    r"discount\s+code|promo\s+code|coupon|use\s+code|"
    r"(?:dm|pm|inbox|message|msg|whatsapp|text|contact|email|e-mail)\s+me\s+(?:for|to\s+(?:order|"
    r"buy|get)|if\s+you\s+(?:want|need)|and\s+i)|"
    r"i\s+(?:sell|make\s+and\s+sell|supply|distribute|ship|can\s+send\s+you)|"
    r"we\s+(?:sell|ship|supply|deliver|stock)|free\s+(?:shipping|delivery)|"
    r"ship(?:ping)?\s+worldwide|limited\s+(?:offer|time|stock)|while\s+stocks?\s+last|"
    r"special\s+(?:price|offer)|money\s+back|link\s+in\s+(?:my\s+)?(?:bio|profile)|"
    r"check\s+out\s+(?:my|our)\s+(?:website|site|shop|store|page)|"
    r"visit\s+(?:my|our)\s+(?:website|site|shop|store|page)|for\s+orders|to\s+place\s+an\s+order|"
    r"i\s+am\s+an?\s+(?:distributor|seller|supplier|rep|agent)|distributor\s+for|"
    r"get\s+your\s+(?:bottle|jar|kit|supply|pack)|say\s+goodbye\s+to|in\s+stock|"
    r"(?:per|a)\s+(?:bottle|jar|pack)|(?:costs?|price\s+is|only|it'?s)\s+(?:only\s+)?[$£€₹]\d+|"
    r"(?:a|get\s+a)\s+discount|half\s+price|price\s+list|(?:very\s+)?affordable|"
    r"message\s+me\s+(?:here|through|on|via)|i'?ll\s+(?:post|send|ship)\s+you|"
    r"sends?\s+(?:the\s+)?(?:medicine|remedy|powder|oil|pills)|i\s+buy\s+(?:mine|it|them)\s+"
    r"(?:here|from|at)|order\s+it|i'?m\s+selling|selling\s+(?:my|our|the)|"
    r"(?:home\s+)?delivery|livraison|je\s+vends|contactez|best\s+[$£€]\d+|"
    r"(?:do|offer|run)\s+(?:online\s+)?(?:sessions|consults?|consultations)|"
    r"online\s+consults?|posts?\s+(?:the\s+)?medicine)\b",
    True,
)
# Offers that are a sales pitch only in a post that also claims a cure: "sign up", "book
# online", "I will send you" and "a good price" are as often a fundraiser, a clinic's
# booking page or a diet sheet between patients.
PITCH_SOFT = fastre.compile(
    r"\b(?:"
    r"(?:who|he|she|they|friend|man|woman|lady|guy|seller)\s+sells?|"
    r"sells?\s+(?:it|them|these|those|the\s+\w+)|"
    r"(?:will|can|'ll|could)\s+(?:courier|post|ship|deliver|send)\s+(?:it|them|you|the)|"
    r"(?:does|offers|runs)\s+(?:online\s+)?(?:sessions|consults?|consultations|zoom|video)|"
    r"book\s+(?:at|now|online|here|your|a\s+(?:free\s+)?(?:consult\w*|session|appointment))|"
    r"sign\s+up|register\s+(?:at|here|now|today)|free\s+(?:consult\w*|sessions?|samples?|"
    r"trial)|first\s+(?:session|consult\w*)\s+(?:is\s+)?free|(?:my|our|the)\s+fees|pricing|"
    r"(?:a|the|big|special|good)\s+discount|(?:good|great|best|low|special)\s+price|"
    r"(?:i|we)\s+have\s+(?:a|some)\s+(?:\w+\s+)?(?:kits?|supplier|supply|stock|bottles)|"
    r"if\s+(?:anyone|anybody|you)\s+wants?\s+(?:one|some|any)|"
    r"tell\s+you\s+(?:where|how)\s+to\s+(?:get|buy|order)|"
    r"you\s+can\s+(?:get|buy|order)\s+(?:it|them|one|some)|"
    r"(?:on|from)\s+(?:amazon|ebay|etsy|aliexpress)|happy\s+customers|(?:my|our)\s+customers|"
    r"(?:i|we)\s+(?:now\s+)?(?:coach|mentor)|not\s+available\s+in\s+(?:stores|shops))\b",
    True,
)
# Promises explicit enough to stand without the treatment named in the same sentence.
EXPLICIT_GUARANTEE = fastre.compile(
    r"\b(?:guarantee[ds]?|refund|money[\s\-]back|money\s+(?:returned|refunded)|"
    r"works?\s+(?:for|on)\s+(?:everyone|everybody|anyone|anybody|all|every\s+single))\b",
    True,
)
# "Our order from the pharmacy": "order" as a noun is a report, not an invitation to buy.
ORDER_NOUN = re.compile(r"\b(?:my|our|the|an?|her|his|their|your|first|last)\s*$", re.I)
GUARANTEE = fastre.compile(
    r"\b(?:guarantee[ds]?|100\s?%\s*(?:cure[ds]?|success|results?|effective|guaranteed|natural|"
    r"safe|works?|of\s+(?:cases|people|patients))|cured?\s+(?:me\s+)?100\s?%|"
    r"(?:works|worked)\s+for\s+(?:everyone|everybody|all|every\s+one)|never\s+fails|"
    r"works\s+every\s+time|it\s+works\s+every|no\s+side[\s\-]effects|permanent(?:ly)?\s+cure[sd]?|"
    r"cure[sd]?\s+(?:it\s+)?permanently|miracle\s+cure|proven\s+(?:to\s+)?(?:cure|dissolve|"
    r"reverse)|(?:cures?|cured)\s+(?:thousands|hundreds|everyone|many|every)|money\s+back|"
    r"i\s+promise|i\s+swear|living\s+proof|only\s+thing\s+that\s+(?:works|worked|cured)|"
    r"will\s+never\s+come\s+back|it\s+cured\s+me\s+and\s+it\s+will\s+cure\s+you|"
    r"all\s+(?:of\s+them\s+)?(?:are|were|got)\s+(?:cured|healed)|every\s+single\s+(?:one|patient|"
    r"person|client)|no\s+exceptions|\d{2}\s?%\s+success|success\s+rate|"
    r"(?:cured|healed)\s+(?:dozens|hundreds|thousands)|nobody\s+who\s+(?:\w+\s+){1,4}stays\s+sick|"
    r"(?:is|are)\s+the\s+cause\s+for\s+all\s+of\s+us|for\s+all\s+of\s+us|"
    r"(?:works?|worked)\s+for\s+(?:anyone|anybody|every\s+single)|"
    r"(?:all|everyone|everybody)\s+(?:gets?|got|get\s+better|are|were)\s+(?:cured|healed|better)|"
    r"(?:full|money[\s\-]back)\s+refund|or\s+(?:your\s+)?money\s+back|100\s?%\s+sure|"
    r"never\s+seen\s+(?:a|one)\s+(?:case|patient|person)\s+(?:\w+\s+){0,4}(?:didn'?t|did\s+not|"
    r"that\s+didn'?t|it\s+didn'?t|couldn'?t)|(?:always|every\s+time)\s+works|"
    r"works?\s+(?:for|on|in)\s+(?:9\d|100)\s?(?:%|percent|per\s+cent)|"
    r"(?:9\d|100)\s?(?:%|percent|per\s+cent)\s+of\s+(?:people|patients|cases|users|sufferers)|"
    r"(?:will\s+)?100\s?(?:%|percent|per\s+cent)\s+(?:clear|cure|dissolve|work|remove|heal|fix)|"
    r"works?\s+(?:on|with)\s+(?:everyone|everybody|anyone|anybody)|"
    r"works\s+every\s+(?:single\s+)?time|never\s+(?:failed|let\s+(?:anyone|anybody|me)\s+down)|"
    r"(?:no\s*one|nobody|not\s+one\s+person)\s+has\s+(?:ever\s+)?(?:failed|been\s+disappointed)|"
    r"(?:results?|success|recovery|cure)\s+(?:is\s+|are\s+)?(?:assured|certain)|"
    r"(?:assured|certain)\s+(?:results?|cure|success)|money\s+(?:returned|refunded)|"
    r"or\s+(?:we|i)\s+(?:will\s+)?refund|refund\s+(?:you|your))\b",
    True,
)
RECOMMEND = fastre.compile(
    r"\b(?:you\s+(?:should|must|have\s+to|need\s+to|gotta|ought\s+to|got\s+to)\s+(?:\w+\s+)?"
    r"(?:try|use|take|start|do|get)|u\s+(?:should|must|have\s+to)\s+try|"
    r"(?:highly|strongly|really)\s+recommend|i\s+recommend|i\s+suggest|i\s+advise|"
    r"give\s+(?:it|them|this|that|the\s+[\w\s]{1,30}?|\w+(?:\s+\w+)?)\s+a\s+(?:try|go)|"
    r"(?:please|pls|plz|just|definitely|do|so)\s+try|^\W*try\s|"
    r"(?:everyone|everybody|anyone|people)\s+(?:with\s+[\w\s]{1,25}?\s+)?"
    r"(?:should|must|needs?\s+to)\s+(?:try|use|take|do)|must\s+try|swear\s+by|trust\s+me|"
    r"forget\s+(?:the\s+)?(?:doctors|surgery|hospital|what\s+the\s+doctors))\b",
    True,
)
FIRST_PERSON = fastre.compile(
    r"\b(?:i|me|my|mine|we|our|us|mum|mom|mother|dad|father|husband|wife|son|daughter|"
    r"sister|brother|aunt|friend|she|he|her|his)\b",
    True,
)
GENERIC_REMEDY = fastre.compile(
    r"\b(?:th(?:is|e|ese|ose)|his|her|my|our)\s+(?:\w+\s+)?(?:pills?|tea|oil|cream|balm|drops|"
    r"powder|remedy|remedies|tonic|tincture|capsules?|potion|protocol|product|formula|drink|"
    r"mix|blend|spray|salve|ointment|gel|lotion|herbs|juice|course|cleanse|"
    r"medicine|mixture|paste|soaks?|treatment|program(?:me)?|kit|supplement)\b",
    True,
)
HEALTH_CONTEXT = fastre.compile(
    r"\b(?:calcinosis|calcium|deposits?|lumps?|scleroderma|crest|cure[ds]?|heal\w*|"
    r"dissolv\w*|treatment|remedy|remedies)\b",
    True,
)


# Claims that stand whoever is credited, with no treatment named:
# "It is a myth that this cannot be cured", "my uncle got his cure there", "we are healed".
PLAIN_CURE = fastre.compile(
    r"\b(?:(?:myth|lie|not\s+true|nonsense|rubbish)\s+(?:that\s+)?(?:\w+\s+){1,4}?"
    r"(?:cannot|can'?t|can\s+never|will\s+never)\s+be\s+(?:cured|healed|reversed)|"
    r"got\s+(?:my|her|his|their|our)\s+cure|"
    r"(?:we|i)(?:'re|'m|\s+are|\s+am)\s+(?:now\s+|all\s+|finally\s+|completely\s+)*"
    r"(?:healed|cured))",
    True,
)

TRIGGER = fastre.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            STRONG_EFFICACY,
            WEAK_EFFICACY,
            STOP_MED,
            STOP_PRONOUN,
            PITCH,
            PITCH_SOFT,
            GUARANTEE,
            RECOMMEND,
            PLAIN_CURE,
        )
    ),
    True,
)


# "if it doesn't work, full refund": the negation is the condition of a promise.
IF_FAILS = re.compile(
    r"\b(?:if|unless)\s+(?:\w+\s+){0,3}?(?:doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|"
    r"fails?\s+to|won'?t|isn'?t)\s+(?:\w+(?:\s+|$)){0,3}[,;\-\u2013]?\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)


FAMILY_PATTERNS = {
    "strong": STRONG_EFFICACY,
    "weak": WEAK_EFFICACY,
    "question": QUESTION_START,
    "warning": WARNING,
    "hedge": HEDGE,
    "stop": STOP_MED,
    "stop_pronoun": STOP_PRONOUN,
    "pitch": PITCH,
    "pitch_soft": PITCH_SOFT,
    "guarantee": GUARANTEE,
    "recommend": RECOMMEND,
    "first_person": FIRST_PERSON,
    "generic": GENERIC_REMEDY,
    "health": HEALTH_CONTEXT,
    "generalised": GENERALISED,
}
FAMILY_NAMES = tuple(FAMILY_PATTERNS)


def build_family_set():
    # One RE2 pass per sentence tells which families match; the individual patterns then
    # run only for the families present (the RE2 binding's per-call cost dominates here).
    family_set = fastre.compile_set([f"(?i:{p.pattern})" for p in FAMILY_PATTERNS.values()])
    return family_set


FAMILY_SET = build_family_set()
FIRST_PERSON_STOP = re.compile(r"^(?:i|we|she|he)(?:'m|\s+am)?\s", re.IGNORECASE)


NEGATIVE_IMPERATIVE = re.compile(r"^(?:don'?t|do\s+not|never)\b", re.IGNORECASE)
SUBJECT_END = re.compile(
    r"\b(?:i|we|she|he|they|mum|mom|dad|(?:my|our)\s+\w+)(?:\s+(?:just|now|still|also|"
    r"really|honestly))?\s*$",
    re.IGNORECASE,
)
