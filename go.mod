module github.com/leverage-project/leverage

go 1.26.8

require (
	github.com/biter777/countries v1.7.5
	golang.org/x/text v0.43.0
	gonum.org/v1/gonum v0.17.0
)
