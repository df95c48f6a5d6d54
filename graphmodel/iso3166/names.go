package iso3166

// What the ISO table lacks and analysts' sources use: current short names
// where the table keeps an older or formal one, common aliases, and
// demonyms. Plural demonyms ("Iraqis", "Uzbeks") are derived in plural(),
// so only irregular plurals are listed. One line per country:
//
//	CODE|preferred name (empty keeps the table's)|aliases;...|demonyms;...
const extraNames = `
AF||Islamic Republic of Afghanistan|Afghan;Afghani
AL||Republic of Albania|Albanian
DZ||People's Democratic Republic of Algeria|Algerian
AD|||Andorran
AO||Republic of Angola|Angolan
AG||Antigua|Antiguan;Barbudan
AR||Argentine Republic|Argentine;Argentinian;Argentinean
AM||Republic of Armenia|Armenian
AU||Commonwealth of Australia|Australian
AT||Republic of Austria|Austrian
AZ||Republic of Azerbaijan|Azerbaijani;Azeri
BS||The Bahamas;Commonwealth of The Bahamas|Bahamian
BH||Kingdom of Bahrain|Bahraini
BD||People's Republic of Bangladesh;Bangladesch|Bangladeshi
BB|||Barbadian;Bajan
BY||Republic of Belarus;Byelorussia|Belarusian
BE||Kingdom of Belgium|Belgian
BZ|||Belizean
BJ||Republic of Benin;Dahomey|Beninese
BT||Kingdom of Bhutan|Bhutanese
BO||Plurinational State of Bolivia;Bolivia (Plurinational State of)|Bolivian
BA||Bosnia;Bosnia-Herzegovina|Bosnian;Herzegovinian
BW||Republic of Botswana|Motswana;Batswana;Botswanan
BR||Federative Republic of Brazil|Brazilian
BN|Brunei|Brunei Darussalam|Bruneian
BG||Republic of Bulgaria|Bulgarian
BF||Upper Volta|Burkinabe;Burkinabè
BI||Republic of Burundi|Burundian
CV|Cabo Verde|Cape Verde;Republic of Cabo Verde|Cabo Verdean;Cape Verdean
KH||Kingdom of Cambodia;Kampuchea|Cambodian;Khmer
CM||Republic of Cameroon;Kamerun|Cameroonian
CA|||Canadian
CF||CAR|Central African
TD||Republic of Chad|Chadian
CL||Republic of Chile|Chilean
CN||People's Republic of China;PRC;Mainland China|Chinese
CO||Republic of Colombia|Colombian
KM||Union of the Comoros|Comoran;Comorian
CG|Republic of the Congo|Congo;Congo-Brazzaville;Congo Republic;Congo (Brazzaville)|Congolese (Brazzaville)
CD||DR Congo;DRC;Congo-Kinshasa;Congo (Kinshasa);Zaire|Congolese
CR||Republic of Costa Rica|Costa Rican;Costarrican;Tico
CI|Côte d'Ivoire|Ivory Coast;Republic of Côte d'Ivoire|Ivorian
HR||Republic of Croatia|Croatian;Croat
CU||Republic of Cuba|Cuban
CY||Republic of Cyprus|Cypriot
CZ|Czechia|Czech Republic|Czech
DK||Kingdom of Denmark|Danish;Dane
DJ||Republic of Djibouti|Djiboutian
DM||Commonwealth of Dominica|Dominican (Dominica)
DO|||Dominican
EC||Republic of Ecuador|Ecuadorian;Ecuadorean
EG||Arab Republic of Egypt|Egyptian
SV||Republic of El Salvador;Salvador|Salvadoran;Salvadorean;Salvadorian
GQ||Republic of Equatorial Guinea|Equatorial Guinean;Equatoguinean
ER||State of Eritrea|Eritrean
EE||Republic of Estonia|Estonian
SZ|Eswatini|Swaziland;Kingdom of Eswatini;eSwatini|Swazi;Liswati;Emaswati
ET||Federal Democratic Republic of Ethiopia|Ethiopian
FJ||Republic of Fiji|Fijian
FI||Republic of Finland|Finnish;Finn
FR||French Republic|French;Frenchman
GA||Gabonese Republic|Gabonese
GM||The Gambia;Republic of The Gambia|Gambian
GE||Sakartvelo|Georgian
DE||Federal Republic of Germany|German
GH||Republic of Ghana|Ghanaian
GR||Hellenic Republic;Hellas|Greek
GD|||Grenadian
GT||Republic of Guatemala|Guatemalan;Guatemaltecan;Chapin
GN||Republic of Guinea;Guinea-Conakry|Guinean
GW||Republic of Guinea-Bissau|Bissau-Guinean
GY||Co-operative Republic of Guyana|Guyanese
HT||Republic of Haiti|Haitian
VA|Holy See|Vatican;Vatican City|Vatican
HN||Republic of Honduras|Honduran
HU|||Hungarian
IS||Republic of Iceland|Icelandic;Icelander
IN||Republic of India;Bharat|Indian
ID||Republic of Indonesia|Indonesian
IR|Iran|Islamic Republic of Iran;Persia|Iranian;Persian
IQ||Republic of Iraq|Iraqi
IE||Republic of Ireland;Eire|Irish
IL||State of Israel|Israeli
IT||Italian Republic|Italian
JM|||Jamaican
JP|||Japanese
JO||Hashemite Kingdom of Jordan|Jordanian
KZ||Republic of Kazakhstan;Kazakstan|Kazakh;Kazakhstani
KE||Republic of Kenya|Kenyan
KI|||I-Kiribati
KP|North Korea|DPRK;Korea, North;Korea (Democratic People's Republic of)|North Korean
KR|South Korea|Korea;Korea, South;Korea (Republic of)|South Korean;Korean
XK||Republic of Kosovo;Kosova|Kosovar;Kosovan
KW||State of Kuwait|Kuwaiti
KG||Kyrgyz Republic;Kirghizia;Kirgizstan|Kyrgyz;Kyrgyzstani;Kirghiz
LA|Laos|Lao PDR;Lao|Laotian;Lao (Laos)
LV||Republic of Latvia|Latvian
LB||Lebanese Republic|Lebanese
LS||Kingdom of Lesotho|Basotho;Mosotho;Lesothan
LR||Republic of Liberia|Liberian
LY|Libya|State of Libya;Libyan Arab Jamahiriya|Libyan
LI|||Liechtensteiner
LT||Republic of Lithuania|Lithuanian
LU|||Luxembourgish;Luxembourger
MG||Republic of Madagascar|Malagasy;Madagascan
MW||Republic of Malawi|Malawian
MY|||Malaysian
MV||Republic of Maldives|Maldivian
ML||Republic of Mali|Malian
MT||Republic of Malta|Maltese
MH||Republic of the Marshall Islands|Marshallese
MR||Islamic Republic of Mauritania|Mauritanian
MU||Republic of Mauritius|Mauritian
MX||United Mexican States|Mexican
FM|Micronesia|Federated States of Micronesia|Micronesian
MD|Moldova|Republic of Moldova;Moldavia|Moldovan
MC||Principality of Monaco|Monegasque;Monacan
MN|||Mongolian
ME|||Montenegrin
MA||Kingdom of Morocco|Moroccan
MZ||Republic of Mozambique|Mozambican
MM||Burma;Republic of the Union of Myanmar|Burmese;Myanmarese
NA||Republic of Namibia|Namibian
NR|||Nauruan
NP||Federal Democratic Republic of Nepal|Nepali;Nepalese
NL||Holland;Kingdom of the Netherlands|Dutch;Netherlander
NZ||Aotearoa|New Zealander;Kiwi
NI||Republic of Nicaragua|Nicaraguan
NE||Republic of the Niger|Nigerien
NG||Federal Republic of Nigeria|Nigerian
MK|North Macedonia|Macedonia;Republic of North Macedonia;FYROM|Macedonian;North Macedonian
NO||Kingdom of Norway|Norwegian
OM||Sultanate of Oman|Omani
PK||Islamic Republic of Pakistan|Pakistani
PW|||Palauan
PS|Palestine|State of Palestine;Palestinian Territories;West Bank and Gaza;Gaza|Palestinian
PA||Republic of Panama|Panamanian
PG|||Papua New Guinean
PY||Republic of Paraguay|Paraguayan
PE||Republic of Peru|Peruvian
PH||Republic of the Philippines|Filipino;Philippine;Filipina
PL||Republic of Poland|Polish;Pole
PT||Portuguese Republic|Portuguese
QA||State of Qatar|Qatari
RO|||Romanian
RU|Russia|Russian Federation|Russian
RW||Republic of Rwanda|Rwandan;Rwandese
KN||Saint Kitts;St Kitts and Nevis|Kittitian;Nevisian
LC||St Lucia|Saint Lucian
VC||St Vincent and the Grenadines;Saint Vincent|Vincentian
WS||Western Samoa|Samoan
SM|||Sammarinese
ST|São Tomé and Príncipe|Sao Tome;Democratic Republic of São Tomé and Príncipe|Santomean;São Toméan
SA||Kingdom of Saudi Arabia|Saudi;Saudi Arabian
SN||Republic of Senegal|Senegalese
RS||Republic of Serbia|Serbian;Serb
SC|||Seychellois
SL||Republic of Sierra Leone|Sierra Leonean
SG||Republic of Singapore|Singaporean
SK||Slovak Republic|Slovak;Slovakian
SI|||Slovenian;Slovene
SB|||Solomon Islander
SO||Federal Republic of Somalia|Somali;Somalian
ZA||Republic of South Africa;RSA|South African
SS||Republic of South Sudan|South Sudanese
ES||Kingdom of Spain|Spanish;Spaniard
LK||Ceylon|Sri Lankan
SD||Republic of the Sudan;North Sudan|Sudanese
SR||Surinam|Surinamese;Surinamer
SE||Kingdom of Sweden|Swedish;Swede
CH||Swiss Confederation|Swiss
SY|Syria|Syrian Arab Republic|Syrian
TW|Taiwan|Republic of China;Chinese Taipei|Taiwanese
TJ||Republic of Tajikistan|Tajik;Tajikistani
TZ|Tanzania|United Republic of Tanzania|Tanzanian
TH||Kingdom of Thailand;Siam|Thai
TL|Timor-Leste|East Timor|Timorese
TG||Togolese Republic|Togolese
TO|||Tongan
TT||Trinidad;Tobago|Trinidadian;Tobagonian
TN||Tunisian Republic|Tunisian
TR|Türkiye|Turkey;Republic of Türkiye|Turkish;Turk
TM|||Turkmen;Turkmenistani
TV|||Tuvaluan
UG||Republic of Uganda|Ugandan
UA|||Ukrainian
AE||UAE;Emirates|Emirati
GB||UK;Great Britain;Britain;United Kingdom of Great Britain and Northern Ireland;England;Scotland;Wales;Northern Ireland|British;Briton;English;Scottish;Welsh
US||United States of America;USA;U.S.;U.S.A.;America|American;U.S. citizen
UY||Oriental Republic of Uruguay|Uruguayan
UZ||Republic of Uzbekistan|Uzbek;Uzbekistani
VU|||Ni-Vanuatu
VE||Bolivarian Republic of Venezuela;Venezuela (Bolivarian Republic of)|Venezuelan
VN|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese
YE||Republic of Yemen|Yemeni;Yemenite
ZM||Republic of Zambia|Zambian
ZW||Republic of Zimbabwe;Rhodesia|Zimbabwean
HK|Hong Kong|Hong Kong SAR|Hongkonger
MO|Macao|Macau;Macao SAR|Macanese
PR|||Puerto Rican
EH|||Sahrawi;Sahrawian
VG|British Virgin Islands|Virgin Islands (British)|
VI|U.S. Virgin Islands|Virgin Islands (U.S.);US Virgin Islands|
FK|Falkland Islands|Falklands;Malvinas|Falkland Islander
IM|Isle of Man||Manx
BL|Saint Barthélemy|St Barts|
SX|Sint Maarten|Sint Maarten (Dutch part)|
MF|Saint Martin|Saint Martin (French part)|
AX|Åland Islands|Aland|Ålander
RE|Réunion||Réunionese
CW|Curaçao||Curaçaoan
WF|Wallis and Futuna||
SJ|Svalbard and Jan Mayen||
GS|South Georgia and the South Sandwich Islands||
`

// Withdrawn codes the upstream table still lists; not current ISO 3166-1.
var withdrawn = map[string]bool{"AN": true, "YU": true}

// regionFix corrects regions where the upstream table's continent is not the
// one analysts of this field use (Central America and the Caribbean are kept
// apart from North America so the Americas read as they are discussed).
var centralAmerica = map[string]bool{"BZ": true, "CR": true, "SV": true, "GT": true, "HN": true, "NI": true, "PA": true}
