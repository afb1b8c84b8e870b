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

// Client returns a client and a cleanup function. With COLONY_API_KEY unset
// it starts a fake server and says so in one line on w.
func Client(w io.Writer, opts ...colony.Option) (*colony.Client, func(), error) {
	if key := os.Getenv("COLONY_API_KEY"); key != "" {
		if base := os.Getenv("COLONY_BASE_URL"); base != "" {
			opts = append([]colony.Option{colony.WithBaseURL(base)}, opts...)
		}
		c, err := colony.NewClient(key, opts...)
		return c, func() {}, err
	}
	srv, err := colonytest.Start(colonytest.WithDemoData())
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintln(w, "COLONY_API_KEY is not set: using an in-process colonytest server with demo data (nothing leaves this machine).")
	c, err := srv.NewClient(srv.Agent().APIKey, opts...)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv.Close, nil
}
