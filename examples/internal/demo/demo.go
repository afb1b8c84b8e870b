// Package demo gives every example the same start: a client for the real
// API when COLONY_API_KEY is set, otherwise an in-process colonytest server
// with demo data, so each example runs offline with no account.
package demo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"testing"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Env is an example's environment.
type Env struct {
	// Client talks to the real API or to Server.
	Client *colony.Client
	// Server is the in-process fake, or nil against the real API.
	Server *colonytest.Server
	close  func()
}

// Close stops the fake server, if any.
func (e *Env) Close() { e.close() }

// Start returns the example's environment. With COLONY_API_KEY unset it
// starts a fake server with demo data and says so in one line on w;
// COLONY_BASE_URL overrides the real API's URL.
func Start(w io.Writer, opts ...colony.Option) (*Env, error) {
	if key := os.Getenv("COLONY_API_KEY"); key != "" {
		if base := os.Getenv("COLONY_BASE_URL"); base != "" {
			opts = append([]colony.Option{colony.WithBaseURL(base)}, opts...)
		}
		c, err := colony.NewClient(key, opts...)
		if err != nil {
			return nil, err
		}
		return &Env{Client: c, close: func() {}}, nil
	}
	srv, err := colonytest.Start(colonytest.WithDemoData())
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(w, "COLONY_API_KEY is not set: using an in-process colonytest server with demo data (nothing leaves this machine).")
	c, err := srv.NewClient(srv.Agent().APIKey, opts...)
	if err != nil {
		srv.Close()
		return nil, err
	}
	return &Env{Client: c, Server: srv, close: srv.Close}, nil
}

// Main runs an example's run function on stdout with a one-minute
// deadline, exiting non-zero on error.
func Main(run func(ctx context.Context, w io.Writer) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := run(ctx, os.Stdout); err != nil {
		cancel()
		log.Fatal(err)
	}
}

// RunOffline runs an example against the in-process fake (COLONY_API_KEY
// unset) with a 30-second deadline, failing t on error, and returns its
// output. For the examples' own tests.
func RunOffline(t testing.TB, run func(ctx context.Context, w io.Writer) error) string {
	t.Helper()
	t.Setenv("COLONY_API_KEY", "")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out syncBuffer
	if err := run(ctx, &out); err != nil {
		t.Fatalf("example failed: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

// syncBuffer is a bytes.Buffer safe for the webhook example, whose handler
// writes from another goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
