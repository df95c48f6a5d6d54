package ingest

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/leverage-project/leverage/graphmodel"
	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

// Country names and nationality words in Spanish, French and Portuguese,
// for trackers kept in those languages ("Ruanda", "Sudán del Sur",
// "venezolanos", "Afghans" as "afganos").
//
// Country names are CLDR's (golang.org/x/text/language/display), for every
// ISO code the registry knows. Nationality words are ours, typed from:
//   - es: RAE and ASALE, Diccionario panhispánico de dudas (2005),
//     appendix 5, "Lista de países y capitales, con sus gentilicios";
//   - fr: Commission d'enrichissement de la langue française,
//     "Recommandation concernant les noms d'États, d'habitants, de
//     capitales, de sièges diplomatiques ou consulaires", JORF 24
//     September 2008;
//   - pt: Instituto Internacional da Língua Portuguesa, Vocabulário
//     Ortográfico Comum (VOC), gentílicos.
//
// Each list gives the masculine singular; plural and feminine forms
// follow the language's regular rules (inflect), and the irregular ones
// are spelled out after a "|". Lookup folds case and accents
// (graphmodel.NormalizeName), so "Sudan del Sur" finds "Sudán del Sur".
var foreignDemonyms = map[graphmodel.Code][3]string{
	"AF": {"afgano", "afghan", "afegão|afegãos|afegães|afegã|afegãs"},
	"BD": {"bangladesí", "bangladais", "bengali|bengalis"},
	"BR": {"brasileño", "brésilien", "brasileiro"},
	"CD": {"congoleño", "congolais", "congolês"},
	"CL": {"chileno", "chilien", "chileno"},
	"CM": {"camerunés", "camerounais", "camaronês"},
	"CN": {"chino", "chinois", "chinês"},
	"CO": {"colombiano", "colombien", "colombiano"},
	"CR": {"costarricense", "costaricien", "costarriquenho"},
	"CU": {"cubano", "cubain", "cubano"},
	"DO": {"dominicano", "dominicain", "dominicano"},
	"DZ": {"argelino", "algérien", "argelino"},
	"EC": {"ecuatoriano", "équatorien", "equatoriano"},
	"EG": {"egipcio", "égyptien", "egípcio"},
	"ER": {"eritreo", "érythréen", "eritreu|eritreus|eritreia|eritreias"},
	"ET": {"etíope", "éthiopien", "etíope"},
	"GE": {"georgiano", "géorgien", "georgiano"},
	"GH": {"ghanés", "ghanéen", "ganês"},
	"GN": {"guineano", "guinéen", "guineense"},
	"GT": {"guatemalteco", "guatémaltèque", "guatemalteco"},
	"HN": {"hondureño", "hondurien", "hondurenho"},
	"HT": {"haitiano", "haïtien", "haitiano"},
	"IN": {"indio", "indien", "indiano"},
	"IQ": {"iraquí", "irakien", "iraquiano"},
	"IR": {"iraní", "iranien", "iraniano"},
	"JM": {"jamaicano", "jamaïcain", "jamaicano"},
	"KG": {"kirguís|kirguises|kirguisa|kirguisas", "kirghize", "quirguiz|quirguizes"},
	"KZ": {"kazajo", "kazakh", "cazaque"},
	"MA": {"marroquí", "marocain", "marroquino"},
	"MR": {"mauritano", "mauritanien", "mauritano"},
	"MX": {"mexicano", "mexicain", "mexicano"},
	"NG": {"nigeriano", "nigérian", "nigeriano"},
	"NI": {"nicaragüense", "nicaraguayen", "nicaraguense"},
	"NP": {"nepalí", "népalais", "nepalês"},
	"PA": {"panameño", "panaméen", "panamenho"},
	"PE": {"peruano", "péruvien", "peruano"},
	"PK": {"pakistaní", "pakistanais", "paquistanês"},
	"RU": {"ruso", "russe", "russo"},
	"RW": {"ruandés", "rwandais", "ruandês"},
	"SD": {"sudanés", "soudanais", "sudanês"},
	"SN": {"senegalés", "sénégalais", "senegalês"},
	"SO": {"somalí", "somalien", "somali|somalis"},
	"SS": {"sursudanés", "sud-soudanais", "sul-sudanês"},
	"SV": {"salvadoreño", "salvadorien", "salvadorenho"},
	"SY": {"sirio", "syrien", "sírio"},
	"TJ": {"tayiko", "tadjik", "tajique"},
	"TR": {"turco", "turc|turcs|turque|turques", "turco"},
	"UA": {"ucraniano", "ukrainien", "ucraniano"},
	"UG": {"ugandés", "ougandais", "ugandense"},
	"US": {"estadounidense", "américain", "estado-unidense"},
	"UZ": {"uzbeko", "ouzbek", "uzbeque"},
	"VE": {"venezolano", "vénézuélien", "venezuelano"},
	"VN": {"vietnamita", "vietnamien", "vietnamita"},
	"YE": {"yemení", "yéménite", "iemenita"},
}

// inflect gives a nationality word's forms: those after "|" as written,
// otherwise the language's regular plural and feminine.
func inflect(lang int, w string) []string {
	if strings.Contains(w, "|") {
		return strings.Split(w, "|")
	}
	out := []string{w}
	switch lang {
	case 0: // es: -o -os -a -as; -í -íes -ís; -e -es; consonant +es +a +as
		switch {
		case strings.HasSuffix(w, "o"):
			b := strings.TrimSuffix(w, "o")
			out = append(out, b+"os", b+"a", b+"as")
		case strings.HasSuffix(w, "í"):
			out = append(out, w+"es", w+"s")
		case strings.HasSuffix(w, "e"), strings.HasSuffix(w, "a"):
			out = append(out, w+"s")
		default:
			out = append(out, w+"es", w+"a", w+"as")
		}
	case 1: // fr: +s; feminine -en → -enne, -e unchanged, else +e
		fem := w + "e"
		switch {
		case strings.HasSuffix(w, "en"):
			fem = w + "ne"
		case strings.HasSuffix(w, "e"):
			fem = w
		}
		pl := w + "s"
		if strings.HasSuffix(w, "s") {
			pl = w
		}
		out = append(out, pl, fem, fem+"s")
	case 2: // pt: -o -os -a -as; -ês -eses -esa -esas; -e/-a +s
		switch {
		case strings.HasSuffix(w, "o"):
			b := strings.TrimSuffix(w, "o")
			out = append(out, b+"os", b+"a", b+"as")
		case strings.HasSuffix(w, "ês"):
			b := strings.TrimSuffix(w, "ês")
			out = append(out, b+"eses", b+"esa", b+"esas")
		default:
			out = append(out, w+"s")
		}
	}
	return out
}

var foreign struct {
	once  sync.Once
	names map[string]graphmodel.Code // NormalizeName(name or word) -> code
}

func loadForeign() {
	foreign.once.Do(func() {
		foreign.names = map[string]graphmodel.Code{}
		ambiguous := map[string]bool{} // a word two countries share stands for neither
		add := func(s string, c graphmodel.Code) {
			k := graphmodel.NormalizeName(s)
			if prev, taken := foreign.names[k]; taken && prev != c || ambiguous[k] {
				delete(foreign.names, k)
				ambiguous[k] = true
				return
			}
			if k != "" {
				foreign.names[k] = c
			}
		}
		for i, tag := range []language.Tag{language.Spanish, language.French, language.Portuguese} {
			for c, ws := range foreignDemonyms {
				for _, w := range inflect(i, ws[i]) {
					add(w, c)
				}
			}
			n := display.Regions(tag)
			for _, c := range iso3166.Registry().Codes() {
				if len(c) != 2 || c == "ZZ" {
					continue
				}
				if r, err := language.ParseRegion(string(c)); err == nil {
					if name := n.Name(r); name != "" && !strings.EqualFold(name, string(c)) {
						add(name, c)
					}
				}
			}
		}
	})
}

// resolve finds a country by the registry's names, aliases and demonyms,
// then by its Spanish, French or Portuguese name or nationality word.
func resolve(reg *graphmodel.Registry, s string) (graphmodel.Code, bool) {
	if c, ok := reg.Resolve(s); ok {
		return c, true
	}
	loadForeign()
	c, ok := foreign.names[graphmodel.NormalizeName(s)]
	if !ok {
		return "", false
	}
	if _, known := reg.Country(c); !known {
		return "", false
	}
	return c, true
}
