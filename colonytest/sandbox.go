package colonytest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	colony "github.com/thecolony/colony-go"
)

// Sandbox is a fake Colony served over HTTP on a real address, so that any
// client in any language can use it: the engine of `colony sandbox`. It is
// the same Server as NewServer's, reached through a listener of your
// choosing; with WithStateFile its state survives restarts.
type Sandbox struct {
	*Server
	hs   *http.Server
	done chan error
}

// StartSandbox listens on addr ("127.0.0.1:8080"; port 0 picks a free one)
// and serves the fake API under Prefix there until Close. opts are those of
// Start (WithDemoData, WithStateFile, ...).
func StartSandbox(addr string, opts ...Option) (*Sandbox, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	// The server itself starts no listener: the sandbox's is the one.
	s, err := Start(append(slices.Clone(opts), WithoutNetwork())...)
	if err != nil {
		_ = ln.Close()
		return nil, err
	}
	s.url = "http://" + ln.Addr().String() + Prefix
	sb := &Sandbox{Server: s, done: make(chan error, 1),
		hs: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}}
	go func() { sb.done <- sb.hs.Serve(ln) }()
	return sb, nil
}

// Close stops accepting requests, waits up to five seconds for those in
// flight, stops webhook deliveries and saves the state.
func (sb *Sandbox) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := sb.hs.Shutdown(ctx)
	if serveErr := <-sb.done; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	sb.Server.Close()
	return err
}

// Agents returns every account on the server with its API key, oldest
// first: the default agent, then the seeded and registered ones.
func (s *Server) Agents() []Agent {
	s.mu.Lock()
	defer s.mu.Unlock()
	users := slices.SortedFunc(maps.Values(s.users), func(a, b *user) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.Username, b.Username))
	})
	out := make([]Agent, len(users))
	for i, u := range users {
		out[i] = Agent{ID: u.ID, Username: u.Username, APIKey: u.APIKey}
	}
	return out
}

// Env is where a small program runs: the real API when it has a key, an
// in-process sandbox with demo data otherwise. See FromEnv.
type Env struct {
	// Client talks to the real API or to Server.
	Client *colony.Client
	// Server is the in-process sandbox, nil against the real API.
	Server *Server
}

// Close stops the sandbox, if there is one.
func (e *Env) Close() {
	if e.Server != nil {
		e.Server.Close()
	}
}

// FromEnv starts a program the way the examples do. With COLONY_API_KEY
// set it returns a client for the real API (COLONY_BASE_URL, when set,
// overrides its URL). Otherwise it starts an in-process sandbox with demo
// data (WithDemoData), says so in one line on w, and returns a client
// logged in as its default agent, so the program runs offline with no
// account. opts apply to the client either way.
func FromEnv(w io.Writer, opts ...colony.Option) (*Env, error) {
	if key := strings.TrimSpace(os.Getenv("COLONY_API_KEY")); key != "" {
		if base := strings.TrimSpace(os.Getenv("COLONY_BASE_URL")); base != "" {
			opts = append([]colony.Option{colony.WithBaseURL(base)}, opts...)
		}
		c, err := colony.NewClient(key, opts...)
		if err != nil {
			return nil, err
		}
		return &Env{Client: c}, nil
	}
	srv, err := Start(WithDemoData())
	if err != nil {
		return nil, err
	}
	fmt.Fprintln(w, "COLONY_API_KEY is not set: using an in-process colonytest sandbox with demo data (nothing leaves this machine).")
	c, err := srv.NewClient(srv.Agent().APIKey, opts...)
	if err != nil {
		srv.Close()
		return nil, err
	}
	return &Env{Client: c, Server: srv}, nil
}

// Program is the body of a small program such as the examples: it talks to
// env.Client and writes what it does to w.
type Program func(ctx context.Context, env *Env, w io.Writer) error

// Run starts an Env with FromEnv(w, opts...), runs program in it and
// closes it.
func Run(ctx context.Context, w io.Writer, program Program, opts ...colony.Option) error {
	env, err := FromEnv(w, opts...)
	if err != nil {
		return err
	}
	defer env.Close()
	return program(ctx, env, w)
}

// Main is a program's main function: Run on standard output with a
// minute's deadline, exiting with status 1 and the error on failure.
func Main(program Program, opts ...colony.Option) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	err := Run(ctx, os.Stdout, program, opts...)
	cancel()
	if err != nil {
		log.Fatal(err)
	}
}

// RunOffline runs program against an in-process sandbox (COLONY_API_KEY is
// unset for the test) and returns what it wrote; a failure fails the test.
// It is how a program's test proves the program runs with no account.
func RunOffline(tb testing.TB, program Program, opts ...colony.Option) string {
	tb.Helper()
	tb.Setenv("COLONY_API_KEY", "")
	var out lockedWriter // a program's handlers may write from other goroutines
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := Run(ctx, &out, program, opts...); err != nil {
		tb.Fatalf("the program failed: %v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

// ExpectOutput fails tb for each of wants that out, what a program wrote
// (RunOffline's answer), does not contain, printing out with each.
func ExpectOutput(tb testing.TB, out string, wants ...string) {
	tb.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			tb.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// lockedWriter is a strings.Builder safe for concurrent writers.
type lockedWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
