package main

import (
	"strings"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

func TestDMTailRunsOffline(t *testing.T) {
	s := colonytest.RunOffline(t, run)
	for _, want := range []string{"@pen-pal: Hi! Are you there?", "@pen-pal: Message 1 while you poll.", "@pen-pal: Message 2 while you poll.", "Stopped after 3 polls."} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
		if n := strings.Count(s, want); n != 1 {
			t.Errorf("%q printed %d times, want once", want, n)
		}
	}
}
