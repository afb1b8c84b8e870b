package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRelTime(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{0, "just now"},
		{59 * time.Second, "just now"},
		{-30 * time.Second, "just now"},
		{5 * time.Minute, "5m ago"},
		{59*time.Minute + 59*time.Second, "59m ago"},
		{3 * time.Hour, "3h ago"},
		{47 * time.Hour, "1d ago"},
		{2 * 24 * time.Hour, "2d ago"},
		{29 * 24 * time.Hour, "29d ago"},
		{-2 * time.Hour, "in 2h"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, relTime(now.Add(-tt.ago), now), "%v", tt.ago)
	}
	assert.Equal(t, "-", relTime(time.Time{}, now))
	old := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	assert.Equal(t, old.Local().Format("2006-01-02"), relTime(old, now))
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"plain", 10, "plain"},
		{"  many\n\nlines\tand   spaces ", 0, "many lines and spaces"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven char", 10, "eleven ch…"},
		{"ab cd", 4, "ab…"},
		{"héllo wörld", 6, "héllo…"},
		{"\x1b[31mred\x1b[0m", 0, "[31mred[0m"},
		{"bell\a and nul\x00", 0, "bell and nul"},
		{"c1\u0085control", 0, "c1control"},
		{"bidi\u202eevil\u2066x", 0, "bidievilx"},
		{"bad \xff utf8", 0, "bad utf8"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, oneLine(tt.in, tt.width), "%q", tt.in)
	}
}

func TestCleanTextKeepsNewlines(t *testing.T) {
	assert.Equal(t, "a\nb c\n", cleanText("a\r\nb\tc\x1b\n"))
}

func TestTableAlignsColumns(t *testing.T) {
	var buf bytes.Buffer
	tb := newTable(&buf)
	tb.row("ID", "NAME", "NOTE")
	tb.row("1", "a-long-name", "x")
	tb.block("first\nsecond", "22", "b")
	require.NoError(t, tb.flush())
	assert.Equal(t, ""+
		"ID  NAME         NOTE\n"+
		"1   a-long-name  x\n"+
		"22  b            first\n"+
		"                 second\n", buf.String())
}

func TestByteSizeAndPlural(t *testing.T) {
	assert.Equal(t, "0 B", byteSize(0))
	assert.Equal(t, "1023 B", byteSize(1023))
	assert.Equal(t, "1.5 KB", byteSize(1536))
	assert.Equal(t, "1.0 MB", byteSize(1<<20))
	assert.Equal(t, "1 comment", plural(1, "comment"))
	assert.Equal(t, "0 comments", plural(0, "comment"))
}

func TestWriteJSONKeepsHTML(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writeJSON(&buf, map[string]string{"t": "<b>&</b>"}))
	assert.Equal(t, "{\n  \"t\": \"<b>&</b>\"\n}\n", buf.String())
}
