package workbook

// aboutES are the About sheet's texts in Spanish, by aboutEN's keys; our
// own translations. Vocabulary words are given as the Spanish workbook
// shows them.
var aboutES = map[string]string{
	"Title":                           "libro de trabajo de leverage: %s",
	"What this is":                    "Una red de presiones de la diplomacia de deportación: a qué gobiernos se presionó para aceptar a personas deportadas que no son sus nacionales, con qué instrumento y qué sucedió después. Cada fila de Relaciones es una afirmación fechada con sus fuentes.",
	"Language":                        "%s: nombres de hojas, encabezados, etiquetas, textos, vocabulario y nombres de países (CLDR) en este idioma. leverage import lo vuelve a leer tal cual.",
	"Dataset content hash (SHA-256)":  "no se calcula en una exportación por flujo; ejecute leverage validate --data sobre el conjunto de datos",
	"Window's content hash (SHA-256)": "el mismo: todo el conjunto de datos",
	keyCiteSuffix:                     "Para los hechos, cite las fuentes originales; cada relación las indica.",
	"Changes":                         "Qué cambió en cada versión del conjunto de datos: CHANGELOG.md junto a los archivos CSV del conjunto de datos (fixtures/seed/CHANGELOG.md para el conjunto inicial).",
	"Document date: why":              "La fecha de arriba es la fecha de actualización del conjunto de datos, o SOURCE_DATE_EPOCH si está definida, no el momento en que se escribió: el mismo conjunto de datos da siempre el mismo archivo, byte a byte.",
	"Analysis window":                 "todas las fechas",
	"null samples":                    "%.4f ± %.4f en %d muestras",
	"Placeholder actors":              "ZZ (nacionalidades sin especificar) y GRP_… (grupos de países sin nombre) conservan sus relaciones y sus personas en todas las sumas y fuerzas, pero no se clasifican como hubs, no son nodos por los que pasen caminos, ni miembros de comunidades, ni receptores únicos (leverage analyze --include-placeholders para tratarlos como países).",
	"continues":                       " Continúa en %s: Excel admite %d filas por hoja.",
	"How to read: directions":         "abordado: quien presiona → el presionado; recibido: nacionalidad → país que recibe (el mismo código en ambos extremos: retorno de nacionales propios); pagado: quien paga → quien cobra; retorno posterior: primer receptor → adonde se envió después a las personas; tránsito: punto de paso → destino; expulsión bloqueada: país que deporta → destino previsto.",
	"How to read: dates":              "Fecha es cuándo ocurrió el hecho, nunca cuándo se informó: una celda de fecha cuando las fuentes dan una sola fecha (Precisión de fecha indica día, mes, trimestre o año); si no, texto EDTF (ISO 8601-2): ../2025-05 es «a más tardar en mayo de 2025», ../2023-12 «antes de 2024», 2025-01-20/2025-05 un intervalo, 2025-02/.. «desde febrero», y ? ~ % tras una fecha la marcan como incierta, aproximada o ambas cosas. Informado el da la fecha del informe cuando no es la de Publicado de las fuentes. Una ventana cuenta una afirmación como ciertamente dentro cuando todo su periodo cae en ella, y como posiblemente dentro cuando el periodo solo se solapa con ella.",
	"How to read: numbers":            "Cantidad y Monto son números; el calificador que los acompaña (exacto, aproximadamente, al menos, hasta) indica cómo leerlos. Las sumas toman los números por su valor nominal.",
	"How to read: alternative claims": "Cuando las fuentes discrepan, cada afirmación tiene su propia fila con su fuente, y las filas comparten un Evento. Los totales cuentan cada evento una vez: la afirmación más fiable y, entre iguales, la mayor.",
	"Caveats":                         "Las afirmaciones proceden de noticias, algunas de las cuales citan documentos no públicos; la confianza califica cada una. Los grupos (GRP_…) representan conjuntos de países sin nombre; ZZ, a personas cuya nacionalidad la fuente no indica. Las filas de contexto migratorio son contexto que una fuente toma en cuenta, no deportaciones.",
	"Correcting and sending back":     "Edite filas en Países, Relaciones o Fuentes (conserve cada ID; añada filas con ID nuevos; borre filas para eliminarlas) y ejecute: leverage import ARCHIVO.xlsx. Comprueba cada celda e informa de las relaciones añadidas, eliminadas y modificadas. Con --answer-back RESPUESTA.xlsx le devuelve este mismo libro con cada celda observada marcada y explicada, y una hoja Revisión que las enumera.",
	// the stability verdict (network.VerdictText) and null models
	"sig_above":                           "modularidad por encima de la de grafos aleatorios (p_above %.3g ≤ α %g)",
	"sig_below":                           "modularidad por debajo de la de grafos aleatorios: menos modular que el azar (p_below %.3g ≤ α %g)",
	"sig_none":                            "modularidad indistinguible de la de grafos aleatorios (p_above %.3g, p_below %.3g, ambos > α %g)",
	"sig_undecided":                       "significación sin decidir tras %d muestras (el intervalo del 95 %% de un valor p contiene α %g)",
	"sig_no_null":                         "significación no evaluada (no se ejecutó ningún modelo nulo)",
	"sig_no_edges":                        "significación no evaluada (no hay aristas)",
	"sig_no_variance":                     "significación no evaluada: todas las aleatorizaciones dieron la misma modularidad (sin varianza con la que comparar)",
	"part_stable":                         "partición estable (NMI media %.3f ≥ %g)",
	"part_unstable":                       "la partición cambia con la semilla (NMI media %.3f < %g): lea con cautela la pertenencia de cada país",
	"part_not_assessed":                   "estabilidad de la partición no evaluada (una sola ejecución)",
	"directed degree-preserving rewiring": "recableado dirigido que conserva los grados",
	"directed degree-preserving rewiring within relationship type": "recableado dirigido que conserva los grados dentro de cada tipo de relación",
}
