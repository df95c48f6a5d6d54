module github.com/leverage-project/leverage

go 1.26.8

require (
	github.com/biter777/countries v1.7.5
	golang.org/x/term v0.47.0
	golang.org/x/text v0.43.0
	gonum.org/v1/gonum v0.17.0
)

require golang.org/x/sys v0.49.0 // indirect
