package workbook

// aboutFR are the About sheet's texts in French, by aboutEN's keys; our
// own translations. Vocabulary words are given as the French workbook
// shows them.
var aboutFR = map[string]string{
	"Title":                           "classeur leverage : %s",
	"What this is":                    "Un réseau de pressions de la diplomatie des expulsions : quels gouvernements ont été pressés d'accueillir des personnes expulsées qui ne sont pas leurs ressortissants, par quel moyen, et avec quelle suite. Chaque ligne de Relations est une affirmation datée, avec ses sources.",
	"Language":                        "%s : noms des feuilles, en-têtes, libellés, textes, vocabulaire et noms de pays (CLDR) dans cette langue. leverage import le relit tel quel.",
	"Dataset content hash (SHA-256)":  "non calculée pour un export en flux ; lancez leverage validate --data sur le jeu de données",
	"Window's content hash (SHA-256)": "la même : le jeu de données entier",
	keyCiteSuffix:                     "Pour les faits, citez les sources d'origine ; chaque relation les indique.",
	"Changes":                         "Ce qui a changé à chaque version du jeu de données : CHANGELOG.md à côté des fichiers CSV du jeu de données (fixtures/seed/CHANGELOG.md pour le jeu initial).",
	"Document date: why":              "La date ci-dessus est la date de mise à jour du jeu de données, ou SOURCE_DATE_EPOCH si elle est définie, et non le moment de l'écriture : le même jeu de données donne toujours le même fichier, octet pour octet.",
	"Analysis window":                 "toutes les dates",
	"null samples":                    "%.4f ± %.4f sur %d échantillons",
	"Placeholder actors":              "ZZ (nationalités non précisées) et GRP_… (groupes de pays non nommés) gardent leurs relations et leurs personnes dans toutes les sommes et forces, mais ne sont ni classés comme hubs, ni des nœuds traversés par les chemins, ni membres de communautés, ni receveurs uniques (leverage analyze --include-placeholders pour les traiter comme des pays).",
	"continues":                       " Suite sur %s : Excel accepte %d lignes par feuille.",
	"How to read: directions":         "sollicité : qui fait pression → pays sollicité ; reçu : nationalité → pays qui accueille (même code aux deux bouts : retour de ses propres ressortissants) ; payé : payeur → bénéficiaire ; renvoi ultérieur : premier pays d'accueil → pays où les personnes ont ensuite été envoyées ; transit : point de passage → destination ; expulsion bloquée : pays qui expulse → destination prévue.",
	"How to read: dates":              "Date est le moment où le fait a eu lieu, jamais celui où il a été rapporté : une cellule date quand les sources donnent une seule date (Précision de la date indique jour, mois, trimestre ou année), sinon du texte EDTF (ISO 8601-2) : ../2025-05 signifie « au plus tard en mai 2025 », ../2023-12 « avant 2024 », 2025-01-20/2025-05 un intervalle, 2025-02/.. « depuis février », et ? ~ % après une date la marquent incertaine, approximative ou les deux. Rapporté le donne la date du compte rendu quand ce n'est pas la date Publié des sources. Une fenêtre compte une affirmation comme certainement dedans quand toute sa période s'y trouve, possiblement dedans quand sa période la chevauche seulement.",
	"How to read: numbers":            "Nombre et Montant sont des nombres ; le qualificatif à côté de chacun (exact, environ, au moins, jusqu'à) dit comment le lire. Les sommes prennent les nombres à leur valeur faciale.",
	"How to read: alternative claims": "Lorsque les sources divergent, chaque affirmation a sa propre ligne avec sa source, et ces lignes partagent un Événement. Les totaux comptent chaque événement une fois : l'affirmation la plus fiable, puis la plus élevée.",
	"Caveats":                         "Les affirmations viennent d'articles de presse, dont certains citent des documents non publics ; la fiabilité qualifie chacune. Les groupes (GRP_…) désignent des ensembles de pays non nommés ; ZZ, des personnes dont la source ne donne pas la nationalité. Les lignes de contexte migratoire sont un contexte dont tient compte une source, pas des expulsions.",
	"Correcting and sending back":     "Modifiez des lignes dans Pays, Relations ou Sources (gardez chaque ID ; ajoutez des lignes avec de nouveaux ID ; supprimez des lignes pour les retirer) et lancez : leverage import FICHIER.xlsx. Chaque cellule est vérifiée, et les relations ajoutées, supprimées et modifiées sont signalées. Avec --answer-back REPONSE.xlsx, vous recevez ce même classeur en retour, chaque cellule concernée marquée et expliquée, et une feuille À revoir qui les liste.",
	// the stability verdict (network.VerdictText) and null models
	"sig_above":                           "modularité supérieure à celle de graphes aléatoires (p_above %.3g ≤ α %g)",
	"sig_below":                           "modularité inférieure à celle de graphes aléatoires : moins modulaire que le hasard (p_below %.3g ≤ α %g)",
	"sig_none":                            "modularité impossible à distinguer de celle de graphes aléatoires (p_above %.3g, p_below %.3g, tous deux > α %g)",
	"sig_undecided":                       "significativité indécise après %d échantillons (l'intervalle à 95 %% d'une valeur p contient α %g)",
	"sig_no_null":                         "significativité non évaluée (aucun modèle nul exécuté)",
	"sig_no_edges":                        "significativité non évaluée (aucun lien)",
	"sig_no_variance":                     "significativité non évaluée : toutes les randomisations ont donné la même modularité (aucune variance à laquelle comparer)",
	"part_stable":                         "partition stable (NMI moyenne %.3f ≥ %g)",
	"part_unstable":                       "la partition change avec la graine (NMI moyenne %.3f < %g) : lisez avec prudence l'appartenance de chaque pays",
	"part_not_assessed":                   "stabilité de la partition non évaluée (une seule exécution)",
	"directed degree-preserving rewiring": "recâblage orienté qui conserve les degrés",
	"directed degree-preserving rewiring within relationship type": "recâblage orienté qui conserve les degrés au sein de chaque type de relation",
}
