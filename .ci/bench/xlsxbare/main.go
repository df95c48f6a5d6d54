// Command xlsxbare is the benchmark's baseline: the least a program can do
// with excelize to turn relationships.csv into an xlsx sheet (StreamWriter,
// the same 19 columns and cell types as leverage's Relationships sheet),
// or, with -read, to iterate an xlsx sheet's rows. It lives under .ci and
// is not part of the module's packages.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	read := flag.String("read", "", "iterate the rows of this xlsx file and count them")
	flag.Parse()
	if *read != "" {
		f, err := excelize.OpenFile(*read)
		if err != nil {
			log.Fatal(err)
		}
		rows, err := f.Rows(f.GetSheetName(0))
		if err != nil {
			log.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				log.Fatal(err)
			}
			n++
		}
		fmt.Println(n, "rows")
		return
	}
	in, out := flag.Arg(0), flag.Arg(1)
	fh, err := os.Open(in)
	if err != nil {
		log.Fatal(err)
	}
	r := csv.NewReader(bufio.NewReaderSize(fh, 1<<20))
	r.ReuseRecord = true
	header, _ := r.Read()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		log.Fatal(err)
	}
	hdr := make([]any, len(header)+3)
	for i, h := range header {
		hdr[i] = h
	}
	sw.SetRow("A1", hdr)
	row := make([]any, len(header)+3)
	n := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		n++
		for i, v := range rec {
			row[i] = v
		}
		// The typed cells leverage writes: a date, two numbers.
		if len(rec) > 10 {
			if t, err := time.Parse("2006-01-02", rec[5]); err == nil {
				row[5] = t
			}
			if c, err := strconv.ParseInt(rec[8], 10, 64); err == nil {
				row[8] = c
			}
			if a, err := strconv.ParseInt(rec[10], 10, 64); err == nil {
				row[10] = a
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row[:len(rec)]); err != nil {
			log.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.SaveAs(out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(n-1, "rows")
}
