package workbook

// The workbook's own words in Spanish, French and Portuguese (the order
// of Langs), our translations. Country names are not here: they come from
// CLDR (Lang.CountryName). A test checks that no two words of one sheet
// or vocabulary fold to the same text, so import reads each back to one
// meaning.

// terms are sheet names, column headers and About labels.
var terms = map[string][3]string{
	// sheets
	"About":           {"Acerca de", "À propos", "Sobre"},
	"Countries":       {"Países", "Pays", "Países"},
	"Relationships":   {"Relaciones", "Relations", "Relações"},
	"Sources":         {"Fuentes", "Sources", "Fontes"},
	"Data dictionary": {"Diccionario de datos", "Dictionnaire des données", "Dicionário de dados"},
	// About
	"Item":  {"Elemento", "Élément", "Item"},
	"Value": {"Valor", "Valeur", "Valor"},
	// Countries
	"Code":     {"Código", "Code", "Código"},
	"Name":     {"Nombre", "Nom", "Nome"},
	"Kind":     {"Clase", "Nature", "Natureza"},
	"Region":   {"Región", "Région", "Região"},
	"Alpha-3":  {"Alfa-3", "Alpha-3", "Alfa-3"},
	"Aliases":  {"Otros nombres", "Autres noms", "Outros nomes"},
	"Demonyms": {"Gentilicios", "Gentilés", "Gentílicos"},
	"Record":   {"Registro", "Enregistrement", "Registro"},
	"Out":      {"Salientes", "Sortantes", "Saídas"},
	"In":       {"Entrantes", "Entrantes", "Entradas"},
	"Total":    {"Total", "Total", "Total"},
	// Relationships
	"ID":                  {"ID", "ID", "ID"},
	"Event":               {"Evento", "Événement", "Evento"},
	"Type":                {"Tipo", "Type", "Tipo"},
	"From":                {"Desde", "De", "De"},
	"From name":           {"Nombre desde", "Nom de", "Nome de"},
	"To":                  {"Hacia", "Vers", "Para"},
	"To name":             {"Nombre hacia", "Nom vers", "Nome para"},
	"Date":                {"Fecha", "Date", "Data"},
	"Date precision":      {"Precisión de fecha", "Précision de la date", "Precisão da data"},
	"Status":              {"Estado", "Statut", "Estado"},
	"Instrument":          {"Instrumento", "Instrument", "Instrumento"},
	"Count":               {"Cantidad", "Nombre", "Quantidade"},
	"Count qualifier":     {"Calificador de cantidad", "Qualificatif du nombre", "Qualificador da quantidade"},
	"Amount":              {"Monto", "Montant", "Valor"},
	"Currency":            {"Moneda", "Devise", "Moeda"},
	"Amount qualifier":    {"Calificador de monto", "Qualificatif du montant", "Qualificador do valor"},
	"Confidence":          {"Confianza", "Fiabilité", "Confiança"},
	"Note":                {"Nota", "Note", "Nota"},
	"Independent sources": {"Fuentes independientes", "Sources indépendantes", "Fontes independentes"},
	"Reported":            {"Informado el", "Rapporté le", "Relatado em"},
	"Stated by":           {"Según", "Selon", "Segundo"},
	"Payment tie":         {"Vínculo del pago", "Lien du paiement", "Vínculo do pagamento"},
	"Part of":             {"Parte de", "Partie de", "Parte de"},
	// Sources
	"Publisher":           {"Editor", "Éditeur", "Editor"},
	"Title":               {"Título", "Titre", "Título"},
	"Published":           {"Publicado", "Publié", "Publicado"},
	"Published precision": {"Precisión de publicación", "Précision de publication", "Precisão da publicação"},
	"URL":                 {"URL", "URL", "URL"},
	"Cited by":            {"Citada por", "Citée par", "Citada por"},
	"Domain":              {"Dominio", "Domaine", "Domínio"},
	"Republishes":         {"Republica", "Republie", "Republica"},
	"Derived from":        {"Derivada de", "Dérivée de", "Derivada de"},
	"Availability":        {"Disponibilidad", "Disponibilité", "Disponibilidade"},
	"Account":             {"Relato", "Récit", "Relato"},
	// Data dictionary
	"Sheet":     {"Hoja", "Feuille", "Folha"},
	"Column":    {"Columna", "Colonne", "Coluna"},
	"On import": {"Al importar", "À l'import", "Na importação"},
	"Meaning":   {"Significado", "Signification", "Significado"},
	// About labels import reads
	"Dataset":             {"Conjunto de datos", "Jeu de données", "Conjunto de dados"},
	"Dataset version":     {"Versión del conjunto de datos", "Version du jeu de données", "Versão do conjunto de dados"},
	"Dataset description": {"Descripción del conjunto de datos", "Description du jeu de données", "Descrição do conjunto de dados"},
	"Dataset updated":     {"Conjunto de datos actualizado", "Jeu de données mis à jour", "Conjunto de dados atualizado"},
	"License":             {"Licencia", "Licence", "Licença"},
	"How to cite":         {"Cómo citar", "Comment citer", "Como citar"},
	"Language":            {"Idioma", "Langue", "Idioma"},
	// About labels of our own texts and figures
	"What this is":                                   {"Qué es", "De quoi il s'agit", "O que é"},
	"Dataset content hash (SHA-256)":                 {"Hash de contenido del conjunto de datos (SHA-256)", "Empreinte du contenu du jeu de données (SHA-256)", "Hash de conteúdo do conjunto de dados (SHA-256)"},
	"Window's content hash (SHA-256)":                {"Hash de contenido de la ventana (SHA-256)", "Empreinte du contenu de la fenêtre (SHA-256)", "Hash de conteúdo da janela (SHA-256)"},
	"Campaign":                                       {"Campaña", "Campagne", "Campanha"},
	"Changes":                                        {"Cambios", "Modifications", "Alterações"},
	"Document date (UTC)":                            {"Fecha del documento (UTC)", "Date du document (UTC)", "Data do documento (UTC)"},
	"Document date: why":                             {"Fecha del documento: por qué", "Date du document : pourquoi", "Data do documento: por quê"},
	"Generated by":                                   {"Generado por", "Produit par", "Gerado por"},
	"Analysis window":                                {"Ventana del análisis", "Fenêtre d'analyse", "Janela da análise"},
	"Actors":                                         {"Actores", "Acteurs", "Atores"},
	"Actors that are countries":                      {"Actores que son países", "Acteurs qui sont des pays", "Atores que são países"},
	"Communities (Louvain, union layer)":             {"Comunidades (Louvain, capa de unión)", "Communautés (Louvain, couche union)", "Comunidades (Louvain, camada de união)"},
	"Communities: modularity":                        {"Comunidades: modularidad", "Communautés : modularité", "Comunidades: modularidade"},
	"Communities: Louvain seed":                      {"Comunidades: semilla de Louvain", "Communautés : graine de Louvain", "Comunidades: semente do Louvain"},
	"Communities: stability (mean pairwise NMI)":     {"Comunidades: estabilidad (NMI media entre pares)", "Communautés : stabilité (NMI moyenne par paires)", "Comunidades: estabilidade (NMI média entre pares)"},
	"Communities: stability runs":                    {"Comunidades: ejecuciones de estabilidad", "Communautés : exécutions de stabilité", "Comunidades: execuções de estabilidade"},
	"Communities: null modularity (%s)":              {"Comunidades: modularidad nula (%s)", "Communautés : modularité nulle (%s)", "Comunidades: modularidade nula (%s)"},
	"Communities: empirical p-values (above, below)": {"Comunidades: valores p empíricos (por encima, por debajo)", "Communautés : valeurs p empiriques (au-dessus, en dessous)", "Comunidades: valores p empíricos (acima, abaixo)"},
	"Communities: verdict":                           {"Comunidades: veredicto", "Communautés : verdict", "Comunidades: veredito"},
	"Placeholder actors":                             {"Actores comodín", "Acteurs génériques", "Atores genéricos"},
	"Pattern matches":                                {"Coincidencias con patrones", "Correspondances avec des schémas", "Correspondências com padrões"},
	"Sheet: %s":                                      {"Hoja: %s", "Feuille : %s", "Folha: %s"},
	"How to read: directions":                        {"Cómo leer: direcciones", "Comment lire : sens", "Como ler: sentidos"},
	"How to read: dates":                             {"Cómo leer: fechas", "Comment lire : dates", "Como ler: datas"},
	"How to read: numbers":                           {"Cómo leer: cifras", "Comment lire : nombres", "Como ler: números"},
	"How to read: alternative claims":                {"Cómo leer: afirmaciones alternativas", "Comment lire : affirmations divergentes", "Como ler: afirmações alternativas"},
	"Caveats":                                        {"Salvedades", "Réserves", "Ressalvas"},
	"Correcting and sending back":                    {"Corregir y devolver", "Corriger et renvoyer", "Corrigir e devolver"},
	// the printed pages' footer (Excel's codes: &P page, &N pages)
	"Page &P of &N": {"Página &P de &N", "Page &P sur &N", "Página &P de &N"},
	// import roles (Data dictionary, On import)
	"read": {"se lee", "lu", "lido"},
	"derived: not read; an edit gives a warning naming the cell": {
		"derivada: no se lee; una edición da un aviso con su celda",
		"dérivée : non lue ; une modification donne un avertissement nommant la cellule",
		"derivada: não lida; uma edição dá um aviso com a sua célula"},
	"not read (the sheet is computed from the data)": {
		"no se lee (la hoja se calcula a partir de los datos)",
		"non lue (la feuille est calculée à partir des données)",
		"não lida (a folha é calculada a partir dos dados)"},
}

// aboutItems are the About labels import reads, to map back.
var aboutItems = []string{"Dataset", "Dataset version", "Dataset description", "Dataset updated", "License", "Campaign", "How to cite", "Language"}

// vocabTerms are the closed vocabularies' values as a volunteer reads
// them (graphmodel.VocabularyFields, and Countries' Record).
var vocabTerms = map[string][3]string{
	// relationship types
	"approached":          {"abordado", "sollicité", "abordado"},
	"received":            {"recibido", "reçu", "recebido"},
	"paid":                {"pagado", "payé", "pago"},
	"travel_ban_leverage": {"presión con veto de viaje", "levier d'interdiction de voyage", "pressão com proibição de viagem"},
	"other_leverage":      {"otra presión", "autre levier", "outra pressão"},
	"concession_sought":   {"concesión pedida", "concession demandée", "concessão pedida"},
	"onward_return":       {"retorno posterior", "renvoi ultérieur", "retorno posterior"},
	"transit":             {"tránsito", "transit", "trânsito"},
	"removal_blocked":     {"expulsión bloqueada", "expulsion bloquée", "remoção bloqueada"},
	"migration_context":   {"contexto migratorio", "contexte migratoire", "contexto migratório"},
	// statuses
	"proposed":         {"propuesto", "proposé", "proposto"},
	"unknown":          {"desconocido", "inconnu", "desconhecido"},
	"considering":      {"en consideración", "à l'étude", "em consideração"},
	"agreed":           {"aceptado", "accepté", "aceito"},
	"conditional":      {"condicional", "conditionnel", "condicional"},
	"refused":          {"rechazado", "refusé", "recusado"},
	"no_response":      {"sin respuesta", "sans réponse", "sem resposta"},
	"in_talks":         {"en negociación", "en négociation", "em negociação"},
	"reluctant":        {"reticente", "réticent", "relutante"},
	"some_agreed":      {"algunos aceptaron", "certains ont accepté", "alguns aceitaram"},
	"blocked_by_court": {"bloqueado por un tribunal", "bloqué par un tribunal", "bloqueado por um tribunal"},
	"withdrawn":        {"retirado", "retiré", "retirado"},
	"block_lifted":     {"bloqueo levantado", "blocage levé", "bloqueio suspenso"},
	"completed":        {"realizado", "effectué", "concluído"},
	"planned":          {"previsto", "prévu", "planejado"},
	"threatened":       {"amenazado", "menacé", "ameaçado"},
	"imposed":          {"impuesto", "imposé", "imposto"},
	"relief_offered":   {"alivio ofrecido", "allègement offert", "alívio oferecido"},
	// instruments
	"payment":              {"pago monetario", "paiement", "pagamento"},
	"travel_ban":           {"veto de viaje", "interdiction de voyage", "proibição de viagem"},
	"tariffs":              {"aranceles", "droits de douane", "tarifas"},
	"canal":                {"canal", "canal", "canal"},
	"aid":                  {"ayuda", "aide", "ajuda"},
	"recognition_lobbying": {"presión por reconocimiento", "lobbying pour la reconnaissance", "pressão por reconhecimento"},
	"favour":               {"favor", "faveur", "favor"},
	"deadline":             {"plazo", "échéance", "prazo"},
	"integration_support":  {"apoyo a la integración", "soutien à l'intégration", "apoio à integração"},
	"investment":           {"inversión", "investissement", "investimento"},
	// qualifiers
	"exact":    {"exacto", "exact", "exato"},
	"about":    {"aproximadamente", "environ", "aproximadamente"},
	"at_least": {"al menos", "au moins", "pelo menos"},
	"up_to":    {"hasta", "jusqu'à", "até"},
	// confidence
	"confirmed": {"confirmado", "confirmé", "confirmado"},
	"reported":  {"informado", "rapporté", "relatado"},
	"claimed":   {"afirmado", "allégué", "alegado"},
	// stated_by
	"pressed":  {"presionado", "sollicité (son récit)", "pressionado"},
	"presser":  {"presionante", "solliciteur", "pressionante"},
	"observer": {"observador", "observateur", "observador"},
	// payment_tie
	"tied":          {"vinculado", "lié", "vinculado"},
	"coincident":    {"coincidente", "concomitant", "coincidente"},
	"other_purpose": {"otro fin", "autre objet", "outro fim"},
	// source kinds
	"news":      {"noticia", "presse", "notícia"},
	"cable":     {"cable diplomático", "câble", "telegrama"},
	"memo":      {"memorando", "note interne", "memorando"},
	"statement": {"declaración", "déclaration", "declaração"},
	"court":     {"tribunal", "tribunal", "tribunal"},
	"dataset":   {"conjunto de datos", "jeu de données", "conjunto de dados"},
	"tracker":   {"seguimiento", "suivi", "rastreador"},
	// actor kinds
	"country":     {"país", "pays", "país"},
	"group":       {"grupo", "groupe", "grupo"},
	"unspecified": {"sin especificar", "non précisé", "não especificado"},
	// precisions
	"day":     {"día", "jour", "dia"},
	"month":   {"mes", "mois", "mês"},
	"quarter": {"trimestre", "trimestre", "trimestre"},
	"year":    {"año", "année", "ano"},
	// periods' precisions (Date precision of a period)
	"interval": {"intervalo", "intervalle", "intervalo"},
	"before":   {"antes", "avant", "antes"},
	"after":    {"después", "après", "depois"},
	// Countries: Record
	"reference": {"referencia", "référence", "referência"},
}
