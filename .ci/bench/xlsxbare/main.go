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
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/leverage-project/leverage/graphmodel/iso3166"
)

func main() {
	read := flag.String("read", "", "iterate the rows of this xlsx file and count them")
	sheet := flag.String("sheet", "", "with -read: the sheet to iterate (default the first)")
	flag.Parse()
	if *read != "" {
		f, err := excelize.OpenFile(*read)
		if err != nil {
			log.Fatal(err)
		}
		if *sheet == "" {
			*sheet = f.GetSheetName(0)
		}
		rows, err := f.Rows(*sheet)
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
	// A leverage relationships.csv becomes the same 19 cells per row that
	// leverage's Relationships sheet holds, with the same per-cell styles:
	// text in the Text format, counts and amounts as #,##0 numbers, dates as
	// dates; country names come from the same ISO 3166 table and source ids
	// are joined the same way, so both programs compress the same text.
	// Any other CSV is copied cell for cell as text.
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	txt := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: text, Value: s}
	}
	names := map[string]string{}
	for _, c := range iso3166.Countries() {
		names[string(c.Code)] = c.Name
	}
	name := func(code string) any {
		if n, ok := names[code]; ok {
			return txt(n)
		}
		return txt(code)
	}
	num, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	dfmt := "yyyy-mm-dd"
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dfmt})
	isRel := len(header) == 16 && header[0] == "id" && header[2] == "type"
	cols := len(header)
	if isRel {
		cols = 19
	}
	hdr := make([]any, cols)
	for i := range hdr {
		if i < len(header) {
			hdr[i] = header[i]
		} else {
			hdr[i] = fmt.Sprintf("extra%d", i)
		}
	}
	sw.SetRow("A1", hdr)
	row := make([]any, cols)
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
		if isRel {
			// id,event,type,from,to,date,status,instrument,count,count_qualifier,amount,currency,amount_qualifier,confidence,sources,note
			var d any
			prec := "year"
			switch len(rec[5]) {
			case 10:
				prec = "day"
			case 7:
				prec = "month"
			}
			if t, err := time.Parse("2006-01-02", (rec[5] + "-01-01")[:10]); err == nil {
				d = excelize.Cell{StyleID: date, Value: t}
			}
			var c, a any
			if x, err := strconv.ParseInt(rec[8], 10, 64); err == nil {
				c = excelize.Cell{StyleID: num, Value: x}
			}
			if x, err := strconv.ParseInt(rec[10], 10, 64); err == nil {
				a = excelize.Cell{StyleID: num, Value: x}
			}
			row[0], row[1], row[2], row[3], row[4], row[5], row[6] = txt(rec[0]), txt(rec[1]), txt(rec[2]), txt(rec[3]), name(rec[3]), txt(rec[4]), name(rec[4])
			row[7], row[8], row[9], row[10], row[11], row[12] = d, txt(prec), txt(rec[6]), txt(rec[7]), c, txt(rec[9])
			row[13], row[14], row[15], row[16], row[17], row[18] = a, txt(rec[11]), txt(rec[12]), txt(rec[13]), txt(strings.ReplaceAll(rec[14], ";", "; ")), txt(rec[15])
		} else {
			for i := range row {
				row[i] = nil
				if i < len(rec) {
					row[i] = rec[i]
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row); err != nil {
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
