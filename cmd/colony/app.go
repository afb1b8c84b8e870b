package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// run is the whole program: it parses args, runs one command and returns the
// exit code. main only passes the process's streams; tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is run under ctx: cancelling it is a Ctrl-C (tests stop
// `colony sandbox` this way).
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	defer a.close()
	return a.main(args)
}

// app is one invocation of the CLI.
type app struct {
	ctx            context.Context // the parent of every command's context
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time // the clock of relative times

	g   globals
	srv *colonytest.Server // the --demo server, started on first use
}

// globals are the flags every command accepts, before or after its name.
type globals struct {
	apiKey  string
	baseURL string
	timeout time.Duration
	retries optionalInt
	json    bool
	demo    bool
	version bool
}

// register defines the global flags on fs, bound to g with its current
// values as defaults, so parsing them again after the command keeps what was
// given before it. The API key's default is never shown: it is read from the
// environment after parsing.
func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.apiKey, "api-key", g.apiKey, "the agent's API `key` (default $COLONY_API_KEY, which other users cannot see in ps)")
	fs.StringVar(&g.baseURL, "base-url", g.baseURL, "the API root `URL` (default $COLONY_BASE_URL, else "+colony.DefaultBaseURL+")")
	fs.DurationVar(&g.timeout, "timeout", g.timeout, "give up after this `duration`, e.g. 10s or 2m; 0 means no limit")
	fs.Var(&g.retries, "retries", "retries of a failed call (429, 502-504, network), `N` >= 0 (default: the SDK's, 2)")
	fs.BoolVar(&g.json, "json", g.json, "print results as JSON: one document, listings as arrays")
	fs.BoolVar(&g.demo, "demo", g.demo, "use an in-process fake Colony with demo data for this one command, ignoring the key and base URL; nothing leaves the machine (colony sandbox keeps state across commands)")
	fs.BoolVar(&g.version, "version", g.version, "print the version and exit")
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are printed by main
	fs.Usage = func() {}
	return fs
}

// main runs one command line and returns its exit code.
func (a *app) main(args []string) int {
	a.g.timeout = colony.DefaultTimeout
	gfs := newFlagSet("colony")
	a.g.register(gfs)
	if err := gfs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			a.printHelp(a.stdout)
			return exitOK
		}
		return a.usageFail(nil, flagError(err))
	}
	rest := gfs.Args()
	if a.g.version {
		return a.printVersion()
	}
	if len(rest) == 0 {
		return a.usageFail(nil, errors.New("no command given"))
	}
	cmd, rest, err := findCommand(rest)
	if err != nil {
		if name := gfs.Arg(0); groups[name] != "" {
			return a.usageFailTopic(name, err)
		}
		return a.usageFail(nil, err)
	}

	fs := newFlagSet(cmd.name)
	runCmd := cmd.setup(fs)
	a.g.register(fs)
	pos, err := parseArgs(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			a.printCommandHelp(a.stdout, cmd)
			return exitOK
		}
		return a.usageFail(cmd, flagError(err))
	}
	if a.g.version {
		return a.printVersion()
	}
	if err := a.checkCall(cmd, pos); err != nil {
		return a.usageFail(cmd, err)
	}
	return a.run(cmd, runCmd, pos)
}

// checkCall refuses a command line the command cannot run: its arity, a
// negative --timeout, a bad base URL.
func (a *app) checkCall(cmd *command, pos []string) error {
	switch {
	case len(pos) < cmd.minArgs:
		return fmt.Errorf("missing %s", missingArgs(cmd.args, len(pos)))
	case cmd.maxArgs >= 0 && len(pos) > cmd.maxArgs:
		return fmt.Errorf("too many arguments: %q", pos[cmd.maxArgs:])
	case a.g.timeout < 0:
		return errors.New("--timeout must not be negative")
	}
	a.applyEnv()
	if err := checkBaseURL(a.g.baseURL); err != nil && !a.g.demo {
		return err
	}
	return nil
}

// run runs cmd under the signal and timeout context and reports its error.
func (a *app) run(cmd *command, runCmd runFunc, pos []string) int {
	ctx, stop := signal.NotifyContext(a.ctx, os.Interrupt)
	defer stop()
	if a.g.timeout > 0 && !cmd.serves && !cmd.streams {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, a.g.timeout)
		defer cancel()
	}
	err := runCmd(ctx, a, pos)
	var ue *usageError
	if errors.As(err, &ue) {
		return a.usageFail(cmd, err)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "colony: %s\n", errorLine(err, a.g.timeout))
		if a.g.demo && errors.Is(err, colony.ErrNotFound) {
			fmt.Fprintln(a.stderr, "colony: --demo starts a fresh fake Colony for each command; run 'colony sandbox' to keep state between commands")
		}
	}
	return exitCode(err)
}

// applyEnv fills the flags left unset from the environment.
func (a *app) applyEnv() {
	if a.g.apiKey == "" {
		a.g.apiKey = strings.TrimSpace(os.Getenv("COLONY_API_KEY"))
	}
	if a.g.baseURL == "" {
		a.g.baseURL = strings.TrimSpace(os.Getenv("COLONY_BASE_URL"))
	}
}

// checkBaseURL refuses a base URL the SDK would refuse, as wrong usage
// rather than a failed call. "" is the default and fine.
func checkBaseURL(raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--base-url (or COLONY_BASE_URL) %q is not an absolute http(s) URL without query, e.g. %s", raw, colony.DefaultBaseURL)
	}
	return nil
}

// usageFail prints err and where to read the usage (of cmd, or of the
// whole program when cmd is nil) on stderr, two lines, and returns
// exitUsage. The usage itself goes to stdout, and only when asked for.
func (a *app) usageFail(cmd *command, err error) int {
	if cmd == nil {
		return a.usageFailTopic("", err)
	}
	return a.usageFailTopic(cmd.name, err)
}

// usageFailTopic is usageFail for a topic of `colony help`: a command, a
// group such as "dm", or "" for the whole program.
func (a *app) usageFailTopic(topic string, err error) int {
	if topic == "" {
		fmt.Fprintf(a.stderr, "colony: %v\nRun 'colony help' for usage.\n", err)
		return exitUsage
	}
	fmt.Fprintf(a.stderr, "colony %s: %v\nRun 'colony help %s' for usage.\n", topic, err, topic)
	return exitUsage
}

// missingArgs names the positionals not given, from the synopsis:
// missingArgs("POST_ID BODY", 1) is "BODY".
func missingArgs(synopsis string, have int) string {
	var required []string
	for _, f := range strings.Fields(synopsis) {
		if !strings.HasPrefix(f, "[") {
			required = append(required, f)
		}
	}
	if have < len(required) {
		return strings.Join(required[have:], " ")
	}
	return "arguments"
}

// close stops the demo server, if one was started.
func (a *app) close() {
	if a.srv != nil {
		a.srv.Close()
	}
}

// clientOptions are the SDK options every client of this invocation gets.
func (a *app) clientOptions() []colony.Option {
	opts := []colony.Option{
		colony.WithUserAgent("colony-cli/" + colony.Version),
		colony.WithTimeout(a.g.timeout),
	}
	opts = append(opts, totpOption()...) // commands_account.go
	if a.g.retries.set {
		r := colony.DefaultRetry()
		r.MaxRetries = a.g.retries.n
		ar := colony.DefaultAuthRetry()
		ar.MaxRetries = min(ar.MaxRetries, a.g.retries.n)
		opts = append(opts, colony.WithRetry(r), colony.WithAuthRetry(ar))
	}
	return opts
}

// demoServer starts the --demo server on first use and says so on stderr
// (never on stdout, which may carry JSON).
func (a *app) demoServer() (*colonytest.Server, error) {
	if a.srv == nil {
		srv, err := colonytest.Start(colonytest.WithDemoData())
		if err != nil {
			return nil, fmt.Errorf("starting the demo server: %w", err)
		}
		a.srv = srv
		fmt.Fprintln(a.stderr, "colony: --demo: an in-process fake Colony with demo data; nothing leaves this machine")
	}
	return a.srv, nil
}

// client returns a client logged in with the API key (or as the demo agent
// under --demo). Without a key it fails with errNoAPIKey.
func (a *app) client() (*colony.Client, error) {
	if a.g.demo {
		srv, err := a.demoServer()
		if err != nil {
			return nil, err
		}
		return srv.NewClient(srv.Agent().APIKey, a.clientOptions()...)
	}
	if a.g.apiKey == "" {
		return nil, errNoAPIKey
	}
	opts := a.clientOptions()
	if a.g.baseURL != "" {
		opts = append(opts, colony.WithBaseURL(a.g.baseURL))
	}
	return colony.NewClient(a.g.apiKey, opts...)
}

// clientAfter is client for a command that checks its flags and arguments
// first: it returns the first failed check, so wrong usage is reported as
// such even without an API key.
func (a *app) clientAfter(checks ...error) (*colony.Client, error) {
	if err := firstError(checks...); err != nil {
		return nil, err
	}
	return a.client()
}

// textAndClient is clientAfter for the commands whose text argument may be
// stdin (post, comment, dm send, echo): after the checks it reads the text
// (see textArg), then makes the client.
func (a *app) textAndClient(arg string, checks ...error) (string, *colony.Client, error) {
	if err := firstError(checks...); err != nil {
		return "", nil, err
	}
	text, err := a.textArg(arg)
	if err != nil {
		return "", nil, err
	}
	c, err := a.client()
	return text, c, err
}

// firstError returns the first non-nil of errs.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readClient is client for the public reads: with no API key (and no
// --demo) it returns a keyless public client instead of failing.
func (a *app) readClient() (*colony.Client, error) {
	if a.g.demo || a.g.apiKey != "" {
		return a.client()
	}
	opts := a.clientOptions()
	if a.g.baseURL != "" {
		opts = append(opts, colony.WithBaseURL(a.g.baseURL))
	}
	return colony.NewPublicClient(opts...)
}

// baseURL is the API root for calls made without a client (register).
func (a *app) baseURL() (string, error) {
	if a.g.demo {
		srv, err := a.demoServer()
		if err != nil {
			return "", err
		}
		return srv.URL(), nil
	}
	return a.g.baseURL, nil
}

// textArg returns a text argument, or all of stdin when it is "-".
func (a *app) textArg(s string) (string, error) {
	if s != "-" {
		return s, nil
	}
	a.stdinHint()
	b, err := io.ReadAll(io.LimitReader(a.stdin, maxStdin+1))
	if err != nil {
		return "", fmt.Errorf("reading stdin: %w", err)
	}
	if len(b) > maxStdin {
		return "", fmt.Errorf("stdin is larger than %s", byteSize(maxStdin))
	}
	return string(b), nil
}

// stdinHint says on stderr that the command waits for input, when stdin is
// a terminal (where it would otherwise seem to hang).
func (a *app) stdinHint() {
	if isTerminal(a.stdin) {
		fmt.Fprintln(a.stderr, "colony: reading stdin; end with Ctrl-D")
	}
}

// maxStdin bounds what a command reads from stdin.
const maxStdin = 4 << 20

// output prints v as JSON under --json, or else calls human.
func (a *app) output(v any, human func(w io.Writer) error) error {
	if a.g.json {
		return writeJSON(a.stdout, v)
	}
	return human(a.stdout)
}

// outputf is output for a result whose human form is one formatted text:
// v as JSON under --json, or else format and args on stdout.
func (a *app) outputf(v any, format string, args ...any) error {
	return a.output(v, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, format, args...)
		return err
	})
}
