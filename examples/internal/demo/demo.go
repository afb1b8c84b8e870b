// Package demo gives every example the same start: a client for the real
// API when COLONY_API_KEY is set, otherwise an in-process colonytest server
// with demo data, so each example runs offline with no account.
package demo

import (
	"fmt"
	"io"
	"os"

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
