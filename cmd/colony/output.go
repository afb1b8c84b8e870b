package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	colony "github.com/thecolony/colony-go"
)

// Column widths of the human output, in characters.
const (
	titleWidth   = 60
	bodyWidth    = 80
	previewWidth = 60
	nameWidth    = 24 // a username, colony or type
)

// writeJSON prints v as one indented JSON document. HTML characters are
// left as they are: the output is read by programs, not browsers.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// ackJSON is what --json prints for an action's *colony.Ack: the server's
// whole answer (Ack models only its common fields, and an answer such as
// {"joined": true, "colony_id": ...} would otherwise print as {}).
func ackJSON(ack *colony.Ack) any {
	if raw := ack.RawJSON(); len(raw) > 0 && json.Valid(raw) {
		return raw
	}
	return ack
}

// table is an aligned-column writer over w: cells are separated by tabs,
// rows end with a newline, and Flush aligns them.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer) *table {
	return &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
}

// outputList prints a list: with --json the items (an empty list, never
// null), else a table of header and row(item) for each item (an item whose
// row is nil has none), or the line empty when there are none.
func outputList[T any](a *app, items []T, empty string, header []string, row func(T) []string) error {
	if items == nil {
		items = []T{}
	}
	return a.output(items, func(w io.Writer) error {
		if len(items) == 0 {
			_, err := fmt.Fprintln(w, empty)
			return err
		}
		t := newTable(w)
		t.row(header...)
		for _, it := range items {
			if cells := row(it); cells != nil { // nil: no row for this item
				t.row(cells...)
			}
		}
		return t.flush()
	})
}

// row writes one row. Cells must already be single-line (see oneLine).
func (t *table) row(cells ...string) {
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

// block writes a row whose last cell is multi-line text: the first line sits
// beside the other cells and each further line is indented under it.
func (t *table) block(text string, cells ...string) {
	lines := strings.Split(cleanText(text), "\n")
	t.row(append(cells, lines[0])...)
	pad := make([]string, len(cells))
	for _, l := range lines[1:] {
		t.row(append(pad, l)...)
	}
}

func (t *table) flush() error { return t.tw.Flush() }

// relTime says how long ago t was: "just now", "5m ago", "3h ago", "2d ago",
// or the date beyond 30 days; "-" when t is unknown. A time slightly ahead
// (clock skew) reads "just now".
func relTime(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	switch {
	case d < -time.Minute:
		return "in " + shortDuration(-d)
	case d < time.Minute:
		return "just now"
	case d < 30*24*time.Hour:
		return shortDuration(d) + " ago"
	}
	return t.Local().Format("2006-01-02")
}

// shortDuration renders d in its largest whole unit: 5m, 3h, 2d.
func shortDuration(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	}
	return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
}

// oneLine makes s safe for one table cell: control characters (terminal
// escape sequences included) are dropped, runs of whitespace become one
// space, and text longer than width characters is cut with "…".
func oneLine(s string, width int) string {
	s = strings.Join(strings.Fields(cleanText(s)), " ")
	return truncate(s, width)
}

// truncate cuts s to at most width characters, the last one "…".
func truncate(s string, width int) string {
	if width <= 0 || utf8.RuneCountInString(s) <= width {
		return s
	}
	runes := []rune(s)
	return strings.TrimRightFunc(string(runes[:width-1]), unicode.IsSpace) + "…"
}

// cleanText removes the characters that could drive a terminal from text
// written by other users: every control character except newline, and the
// Unicode bidirectional overrides. Tabs become spaces, "\r\n" a newline.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == utf8.RuneError,
			r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, s)
}

// nameCell is the table cell of a short name such as a username: one line
// of at most nameWidth characters, "-" when unknown.
func nameCell(s string) string { return orDash(oneLine(s, nameWidth)) }

// orDash returns s, or "-" when it is empty, so a table cell is never blank.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// plural renders "1 comment", "3 comments".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// byteSize renders n bytes as "512 B", "3.4 KB", "1.0 MB" (powers of 1024).
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
