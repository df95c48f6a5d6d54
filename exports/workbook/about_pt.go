package workbook

// aboutPT are the About sheet's texts in (Brazilian) Portuguese, by
// aboutEN's keys; our own translations. Vocabulary words are given as
// the Portuguese workbook shows them.
var aboutPT = map[string]string{
	"Title":                           "pasta de trabalho do leverage: %s",
	"What this is":                    "Uma rede de pressões da diplomacia de deportação: quais governos foram pressionados a aceitar deportados que não são seus cidadãos, com que instrumento, e o que aconteceu depois. Cada linha de Relações é uma afirmação datada com as suas fontes.",
	"Language":                        "%s: nomes das folhas, cabeçalhos, rótulos, textos, vocabulário e nomes de países (CLDR) neste idioma. leverage import a lê de volta tal como está.",
	"Dataset content hash (SHA-256)":  "não calculado numa exportação em fluxo; execute leverage validate --data sobre o conjunto de dados",
	"Window's content hash (SHA-256)": "o mesmo: todo o conjunto de dados",
	keyCiteSuffix:                     "Para os fatos, cite as fontes originais; cada relação as indica.",
	"Changes":                         "O que mudou em cada versão do conjunto de dados: CHANGELOG.md ao lado dos arquivos CSV do conjunto de dados (fixtures/seed/CHANGELOG.md para o conjunto inicial).",
	"Document date: why":              "A data acima é a data de atualização do conjunto de dados, ou SOURCE_DATE_EPOCH quando definida, e não o momento em que foi escrito: o mesmo conjunto de dados dá sempre o mesmo arquivo, byte a byte.",
	"Analysis window":                 "todas as datas",
	"null samples":                    "%.4f ± %.4f em %d amostras",
	"Placeholder actors":              "ZZ (nacionalidades não especificadas) e GRP_… (grupos de países sem nome) mantêm as suas relações e pessoas em todas as somas e forças, mas não são classificados como hubs, nem são nós por onde passam caminhos, nem membros de comunidades, nem receptores únicos (leverage analyze --include-placeholders para tratá-los como países).",
	"continues":                       " Continua em %s: o Excel permite %d linhas por folha.",
	"How to read: directions":         "abordado: quem pressiona → pressionado; recebido: nacionalidade → país que recebe (o mesmo código nas duas pontas: retorno de cidadãos próprios); pago: quem paga → quem recebe; retorno posterior: primeiro receptor → para onde as pessoas foram enviadas depois; trânsito: ponto de passagem → destino; remoção bloqueada: país que deporta → destino previsto.",
	"How to read: dates":              "Data é quando o fato aconteceu, nunca quando foi relatado: uma célula de data quando as fontes dão uma só data (Precisão da data diz dia, mês, trimestre ou ano); caso contrário, texto EDTF (ISO 8601-2): ../2025-05 é «até maio de 2025», ../2023-12 «antes de 2024», 2025-01-20/2025-05 um intervalo, 2025-02/.. «desde fevereiro», e ? ~ % depois de uma data a marcam como incerta, aproximada ou ambas. Relatado em dá a data da notícia quando não é a data Publicado das fontes. Uma janela conta uma afirmação como certamente dentro quando todo o seu período cabe nela, e como possivelmente dentro quando o período apenas se sobrepõe a ela.",
	"How to read: numbers":            "Quantidade e Valor são números; o qualificador ao lado de cada um (exato, aproximadamente, pelo menos, até) diz como lê-lo. As somas tomam os números pelo valor nominal.",
	"How to read: alternative claims": "Quando as fontes divergem, cada afirmação tem a sua própria linha com a sua fonte, e as linhas compartilham um Evento. Os totais contam cada evento uma vez: a afirmação mais confiável e, depois, a maior.",
	"Caveats":                         "As afirmações vêm de notícias, algumas citando documentos não públicos; a confiança qualifica cada uma. Os grupos (GRP_…) representam conjuntos de países sem nome; ZZ, pessoas cuja nacionalidade a fonte não informa. As linhas de contexto migratório são contexto que uma fonte considera, não deportações.",
	"Correcting and sending back":     "Edite linhas em Países, Relações ou Fontes (mantenha cada ID; acrescente linhas com IDs novos; apague linhas para removê-las) e execute: leverage import ARQUIVO.xlsx. Cada célula é verificada e as relações acrescentadas, removidas e modificadas são relatadas. Com --answer-back RESPOSTA.xlsx, você recebe esta mesma pasta de volta com cada célula em questão marcada e explicada, e uma folha Revisão que as lista.",
	// the stability verdict (network.VerdictText) and null models
	"sig_above":                           "modularidade acima da de grafos aleatórios (p_above %.3g ≤ α %g)",
	"sig_below":                           "modularidade abaixo da de grafos aleatórios: menos modular que o acaso (p_below %.3g ≤ α %g)",
	"sig_none":                            "modularidade indistinguível da de grafos aleatórios (p_above %.3g, p_below %.3g, ambos > α %g)",
	"sig_undecided":                       "significância indecisa após %d amostras (o intervalo de 95 %% de um valor p contém α %g)",
	"sig_no_null":                         "significância não avaliada (nenhum modelo nulo executado)",
	"sig_no_edges":                        "significância não avaliada (sem arestas)",
	"sig_no_variance":                     "significância não avaliada: todas as aleatorizações deram a mesma modularidade (sem variância para comparar)",
	"part_stable":                         "partição estável (NMI média %.3f ≥ %g)",
	"part_unstable":                       "a partição muda com a semente (NMI média %.3f < %g): leia com cautela a pertença de cada país",
	"part_not_assessed":                   "estabilidade da partição não avaliada (uma só execução)",
	"directed degree-preserving rewiring": "religação orientada que conserva os graus",
	"directed degree-preserving rewiring within relationship type": "religação orientada que conserva os graus dentro de cada tipo de relação",
}
