package atlas

// standIns are the codes world.json draws no shape for, each as a dot at a
// documented point (a capital or main island, rounded to 0.01°). Natural
// Earth's Admin 0 layer folds overseas departments into their state's shape
// (France, Norway, the Netherlands) and keeps the Australian Indian Ocean
// territories unnumbered; the rest are too small for the 1:50m file.
var standIns = map[string]Point{
	"BQ": {-68.27, 12.15, "Bonaire (Kralendijk); part of the Netherlands' shape in Natural Earth"},
	"BV": {3.36, -54.42, "Bouvet Island; absent at 1:50m"},
	"CC": {96.84, -12.17, "Cocos (Keeling) Islands; in Natural Earth's unnumbered Indian Ocean Territories"},
	"CX": {105.62, -10.49, "Christmas Island; in Natural Earth's unnumbered Indian Ocean Territories"},
	"GF": {-52.33, 4.92, "Cayenne; French Guiana is part of France's shape in Natural Earth"},
	"GI": {-5.35, 36.14, "Gibraltar; absent at 1:50m"},
	"GP": {-61.58, 16.25, "Guadeloupe; part of France's shape in Natural Earth"},
	"MQ": {-61.02, 14.64, "Martinique; part of France's shape in Natural Earth"},
	"RE": {55.53, -21.12, "Réunion; part of France's shape in Natural Earth"},
	"SJ": {15.65, 78.22, "Longyearbyen, Svalbard; part of Norway's shape in Natural Earth"},
	"TK": {-171.85, -9.2, "Tokelau (Atafu-Fakaofo); absent at 1:50m"},
	"TV": {179.2, -8.52, "Funafuti, Tuvalu; absent at 1:50m"},
	"UM": {166.65, 19.28, "Wake Island, US Minor Outlying Islands; absent at 1:50m"},
	"YT": {45.17, -12.83, "Mayotte; part of France's shape in Natural Earth"},
}
