"""Default treatment lexicon for calcinosis cutis, with a conservative evidence status.

"established": part of usual specialist care for calcinosis or for the underlying disease,
    even where the evidence for calcinosis itself is modest (surgical removal, diltiazem,
    bisphosphonates, intravenous sodium thiosulfate under a specialist, the usual
    immunosuppressants).  Reporting experience with these is never a claim by itself.
"investigational": studied in case series or small trials, used by specialists case by case.
"unproven": no evidence of benefit for calcinosis; talk of cures here is what moderators
    want to see.

Moderators can replace this list from the database (``Ruleset.treatments``).
"""

from __future__ import annotations

from .types import TreatmentEntry

DEFAULT_TREATMENTS: tuple[TreatmentEntry, ...] = (
    # --- established -------------------------------------------------------------------
    TreatmentEntry(
        "surgical excision",
        (
            "surgery",
            "surgical removal",
            "excision",
            "surgically removed",
            "curettage",
            "debridement",
            "surgeon",
            "surgeons",
            "hand surgeon",
            "plastic surgeon",
            "operation",
        ),
        "established",
    ),
    TreatmentEntry(
        "diltiazem",
        ("cardizem", "calcium channel blocker", "calcium channel blockers"),
        "established",
    ),
    TreatmentEntry(
        "intravenous sodium thiosulfate",
        (
            "iv sodium thiosulfate",
            "iv sodium thiosulphate",
            "intravenous sodium thiosulphate",
            "sodium thiosulfate infusion",
            "sodium thiosulfate infusions",
            "sts infusion",
            "sts infusions",
        ),
        "established",
    ),
    TreatmentEntry(
        "bisphosphonates",
        (
            "bisphosphonate",
            "alendronate",
            "alendronic acid",
            "pamidronate",
            "etidronate",
            "risedronate",
            "zoledronic acid",
            "fosamax",
        ),
        "established",
    ),
    TreatmentEntry("methotrexate", ("mtx",), "established"),
    TreatmentEntry("mycophenolate", ("cellcept", "mycophenolate mofetil", "mmf"), "established"),
    TreatmentEntry("hydroxychloroquine", ("plaquenil", "hcq"), "established"),
    TreatmentEntry(
        "corticosteroids", ("prednisone", "prednisolone", "steroids", "steroid"), "established"
    ),
    TreatmentEntry("colchicine", (), "established"),
    TreatmentEntry(
        "iloprost", ("prostacyclin", "hyperbaric oxygen", "dialysis", "wound care"), "established"
    ),
    TreatmentEntry("antibiotics", ("antibiotic",), "established"),
    TreatmentEntry(
        "pain management",
        ("pain relief", "painkillers", "pain killers", "pain medication", "pain meds"),
        "established",
    ),
    TreatmentEntry(
        "physiotherapy", ("physical therapy", "occupational therapy", "hand therapy"), "established"
    ),
    TreatmentEntry("nifedipine", ("amlodipine",), "established"),
    # --- investigational ---------------------------------------------------------------
    TreatmentEntry(
        "topical sodium thiosulfate",
        (
            "sodium thiosulfate cream",
            "sodium thiosulphate cream",
            "topical sts",
            "sts cream",
            "thiosulfate cream",
            "thiosulphate cream",
        ),
        "investigational",
    ),
    TreatmentEntry(
        "intralesional sodium thiosulfate",
        ("intralesional sts", "sodium thiosulfate injections", "sodium thiosulphate injections"),
        "investigational",
    ),
    TreatmentEntry(
        "sodium thiosulfate",
        ("sodium thiosulphate", "thiosulfate", "thiosulphate", "sts"),
        "investigational",
    ),
    TreatmentEntry("minocycline", ("minocin",), "investigational"),
    TreatmentEntry("rituximab", ("rituxan",), "investigational"),
    TreatmentEntry(
        "intravenous immunoglobulin",
        ("ivig", "iv immunoglobulin", "immunoglobulin"),
        "investigational",
    ),
    TreatmentEntry(
        "extracorporeal shock wave lithotripsy",
        (
            "shock wave lithotripsy",
            "shockwave lithotripsy",
            "shock wave therapy",
            "shockwave therapy",
            "eswl",
            "eswt",
            "lithotripsy",
        ),
        "investigational",
    ),
    TreatmentEntry("probenecid", (), "investigational"),
    TreatmentEntry("low-dose warfarin", ("warfarin", "coumadin"), "investigational"),
    TreatmentEntry("aluminium hydroxide", ("aluminum hydroxide",), "investigational"),
    TreatmentEntry("infliximab", ("remicade", "tnf inhibitors", "anti-tnf"), "investigational"),
    TreatmentEntry("ceftriaxone", (), "investigational"),
    TreatmentEntry(
        "co2 laser", ("carbon dioxide laser", "laser therapy", "laser treatment"), "investigational"
    ),
    TreatmentEntry(
        "jak inhibitors", ("tofacitinib", "baricitinib", "ruxolitinib"), "investigational"
    ),
    TreatmentEntry("vitamin k2", ("vitamin k", "k2", "mk-7"), "investigational"),
    # --- unproven ------------------------------------------------------------------------
    TreatmentEntry(
        "homeopathy",
        (
            "homeopathic",
            "homoeopathy",
            "homoeopathic",
            "homeopath",
            "homeopathy pills",
            "homeopathic pills",
            "homeopathic remedy",
            "homeopathic remedies",
        ),
        "unproven",
    ),
    TreatmentEntry(
        "chelation", ("chelation therapy", "edta", "edta chelation", "chelating"), "unproven"
    ),
    TreatmentEntry("colloidal silver", ("silver water",), "unproven"),
    TreatmentEntry("apple cider vinegar", ("acv", "cider vinegar"), "unproven"),
    TreatmentEntry("vinegar soaks", ("vinegar soak", "vinegar", "white vinegar"), "unproven"),
    TreatmentEntry(
        "essential oils",
        ("essential oil", "frankincense", "oregano oil", "tea tree oil", "lavender oil"),
        "unproven",
    ),
    TreatmentEntry(
        "magnesium chloride",
        ("magnesium oil", "mag oil", "epsom salt", "epsom salts", "magnesium flakes"),
        "unproven",
    ),
    TreatmentEntry(
        "detox",
        (
            "detox tea",
            "detox teas",
            "cleanse",
            "liver cleanse",
            "detoxing",
            "detoxification",
            "foot detox",
            "detox pads",
        ),
        "unproven",
    ),
    TreatmentEntry(
        "herbal dissolving tea",
        (
            "herbal tea",
            "herbal teas",
            "dissolving tea",
            "herbal remedy",
            "herbal remedies",
            "herbal mixture",
            "herbs",
            "herbal medicine",
        ),
        "unproven",
    ),
    TreatmentEntry("ayurveda", ("ayurvedic", "ayurvedic medicine", "siddha", "unani"), "unproven"),
    TreatmentEntry("turmeric", ("curcumin", "haldi"), "unproven"),
    TreatmentEntry("baking soda", ("bicarbonate of soda", "sodium bicarbonate"), "unproven"),
    TreatmentEntry("hydrogen peroxide", ("food grade peroxide", "h2o2"), "unproven"),
    TreatmentEntry(
        "chlorine dioxide",
        ("mms", "miracle mineral solution", "miracle mineral supplement"),
        "unproven",
    ),
    TreatmentEntry("dmso", ("dimethyl sulfoxide",), "unproven"),
    TreatmentEntry("castor oil", ("castor oil packs", "castor oil pack"), "unproven"),
    TreatmentEntry("lemon juice", ("lemon water", "lemons"), "unproven"),
    TreatmentEntry("alkaline diet", ("alkaline water", "alkalising", "alkalizing"), "unproven"),
    TreatmentEntry("serrapeptase", ("nattokinase", "enzymes", "systemic enzymes"), "unproven"),
    TreatmentEntry("cbd oil", ("cannabis oil", "rick simpson oil", "hemp oil"), "unproven"),
    TreatmentEntry("black seed oil", ("nigella", "kalonji"), "unproven"),
    TreatmentEntry("coconut oil", (), "unproven"),
    TreatmentEntry("ozone therapy", ("ozone",), "unproven"),
    TreatmentEntry("rife machine", ("rife", "frequency therapy", "bioresonance"), "unproven"),
    TreatmentEntry(
        "energy healing", ("reiki", "crystal healing", "crystals", "faith healing"), "unproven"
    ),
    TreatmentEntry("acupuncture", ("cupping",), "unproven"),
    TreatmentEntry(
        "naturopathy",
        (
            "naturopath",
            "naturopathic",
            "natural remedy",
            "natural remedies",
            "natural cure",
            "natural treatment",
            "natural healing",
            "herbalist",
            "holistic",
            "traditional medicine",
            "traditional healer",
        ),
        "unproven",
    ),
    TreatmentEntry(
        "supplements",
        (
            "supplement",
            "calcium dissolver",
            "calcium dissolving",
            "dissolving drops",
            "drops",
            "tincture",
            "capsules",
            "formula",
        ),
        "unproven",
    ),
    TreatmentEntry(
        "traditional chinese medicine", ("tcm", "chinese herbs", "chinese medicine"), "unproven"
    ),
    TreatmentEntry(
        "juice fasting", ("juicing", "water fasting", "fasting", "celery juice"), "unproven"
    ),
    TreatmentEntry(
        "magnets", ("magnet therapy", "copper bracelet", "copper bracelets"), "unproven"
    ),
    TreatmentEntry("clay", ("bentonite clay", "clay packs", "clay poultice"), "unproven"),
    TreatmentEntry("chiropractic", ("chiropractor",), "unproven"),
    TreatmentEntry("infrared sauna", ("infrared therapy", "far infrared"), "unproven"),
    TreatmentEntry("ionic foot bath", ("ionic foot baths", "foot spa detox"), "unproven"),
)
