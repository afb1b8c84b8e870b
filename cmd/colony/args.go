package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
)

// parseArgs parses fs's flags wherever they appear among args, so flags may
// come before or after the positionals (`post T B --colony findings`), and
// returns the positionals in order. "--" ends the flags: everything after it
// is positional, e.g. a body that starts with "-". A lone "-" (stdin) is a
// positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(arg) < 2 || arg[0] != '-' {
			pos = append(pos, arg)
			continue
		}
		flags = append(flags, arg)
		name := strings.TrimPrefix(arg[1:], "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil || isBoolFlag(f) {
			continue // fs.Parse reports an unknown flag
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return pos, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// printFlags lists fs's flags as "  --name ARG   usage (default x)", the
// argument name taken from the usage's `backquotes` as in the flag package.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if !isBoolFlag(f) && arg != "" {
			name += " " + strings.ToUpper(arg)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, usage)
	})
	tw.Flush()
}

// optionalInt is an int flag that remembers whether it was given, so an
// unset flag leaves the SDK's default in place.
type optionalInt struct {
	n   int
	set bool
}

func (o *optionalInt) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.Itoa(o.n)
}

func (o *optionalInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a whole number >= 0")
	}
	o.n, o.set = n, true
	return nil
}

// countArg parses the optional count N of feed and for-you, the only
// positional: def when it is absent.
func countArg(args []string, def int) (int, error) {
	if len(args) == 0 {
		return def, nil
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		return 0, usagef("N must be a whole number >= 1, got %q", args[0])
	}
	return n, nil
}

// oneOf checks a flag's value against the values the API accepts, so a typo
// is a usage error instead of a server round trip.
func oneOf[T ~string](flagName string, v T, allowed ...T) error {
	if v == "" {
		return nil
	}
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return usagef("--%s must be one of %s, got %q", flagName, strings.Join(names, ", "), string(v))
}

// flagSpelling finds the flag package's single-dash flag names in its
// messages ("-timeout", "for -down:").
var flagSpelling = regexp.MustCompile(`(^|[ :])-([A-Za-z0-9][A-Za-z0-9-]*)`)

// flagError rewrites a parse error of the flag package in the spelling the
// help and the docs use: "unknown flag --bogus", "flag --colony needs a
// value", `invalid value "soon" for --timeout: ...`.
func flagError(err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Errorf("unknown flag --%s", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("flag --%s needs a value", name)
	}
	msg = strings.Replace(msg, " for flag -", " for -", 1)
	return errors.New(flagSpelling.ReplaceAllString(msg, "$1--$2"))
}
