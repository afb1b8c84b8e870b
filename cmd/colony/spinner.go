package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// spinnerInterval is how often the progress line is redrawn.
const spinnerInterval = 100 * time.Millisecond

var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// isTerminal reports whether the stream s is a character device (a
// terminal), without golang.org/x/term: pipes, files and buffers are not.
func isTerminal(s any) bool {
	f, ok := s.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// spinner draws "⠹ fetching posts… 240" on one line of a terminal while a
// paging listing runs, and erases it when stopped. A nil *spinner is valid
// and draws nothing, so callers need no terminal checks.
type spinner struct {
	w     io.Writer
	label string
	count atomic.Int64
	done  chan struct{}
	wg    sync.WaitGroup
	once  sync.Once
}

// startSpinner starts a spinner on w when w is a terminal; otherwise it
// returns nil.
func startSpinner(w io.Writer, label string) *spinner {
	if !isTerminal(w) {
		return nil
	}
	t := time.NewTicker(spinnerInterval)
	s := runSpinner(w, label, t.C)
	s.wg.Go(func() {
		<-s.done
		t.Stop()
	})
	return s
}

// runSpinner redraws the line on every tick until stop.
func runSpinner(w io.Writer, label string, tick <-chan time.Time) *spinner {
	s := &spinner{w: w, label: label, done: make(chan struct{})}
	s.wg.Go(func() {
		for frame := 0; ; frame++ {
			select {
			case <-s.done:
				fmt.Fprint(s.w, "\r\033[K")
				return
			case <-tick:
				fmt.Fprintf(s.w, "\r%s %s… %d", spinnerFrames[frame%len(spinnerFrames)], s.label, s.count.Load())
			}
		}
	})
	return s
}

// add counts n more items received.
func (s *spinner) add(n int) {
	if s != nil {
		s.count.Add(int64(n))
	}
}

// stop erases the line and waits for the drawing goroutine to end. It is
// safe to call more than once.
func (s *spinner) stop() {
	if s == nil {
		return
	}
	s.once.Do(func() { close(s.done) })
	s.wg.Wait()
}
