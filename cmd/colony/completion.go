package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// completionShells are the shells `colony completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

func completionCommand() *command {
	return &command{name: "completion", args: "SHELL", minArgs: 1, maxArgs: 1,
		summary: "print a shell completion script: bash, zsh or fish",
		detail: `Load it in the current shell, or from your shell's start-up file:

  bash:  source <(colony completion bash)        (~/.bashrc)
  zsh:   source <(colony completion zsh)         (~/.zshrc)
  fish:  colony completion fish | source         (~/.config/fish/config.fish)`,
		setup: func(*flag.FlagSet) runFunc {
			return func(_ context.Context, a *app, args []string) error {
				switch args[0] {
				case "bash":
					return writeBashCompletion(a.stdout, false)
				case "zsh":
					return writeBashCompletion(a.stdout, true)
				case "fish":
					return writeFishCompletion(a.stdout)
				}
				return usagef("SHELL must be one of %s, got %q", strings.Join(completionShells, ", "), args[0])
			}
		}}
}

// completionFlag is a flag as completion scripts need it.
type completionFlag struct {
	name, usage string
	takesValue  bool
}

func flagsOf(fs *flag.FlagSet) []completionFlag {
	var out []completionFlag
	fs.VisitAll(func(f *flag.Flag) {
		_, usage := flag.UnquoteUsage(f)
		out = append(out, completionFlag{name: f.Name, usage: usage, takesValue: !isBoolFlag(f)})
	})
	return out
}

func globalFlags() []completionFlag {
	var g globals
	fs := newFlagSet("colony")
	g.register(fs)
	return flagsOf(fs)
}

func commandFlags(c *command) []completionFlag {
	fs := newFlagSet(c.name)
	c.setup(fs)
	return flagsOf(fs)
}

// topWords are the words that may follow "colony": the commands, with each
// group ("dm") once.
func topWords() []string {
	var words []string
	for _, c := range commands {
		first, _, _ := strings.Cut(c.name, " ")
		if !slices.Contains(words, first) {
			words = append(words, first)
		}
	}
	return words
}

func dashed(flags []completionFlag) string {
	names := make([]string, len(flags))
	for i, f := range flags {
		names[i] = "--" + f.name
	}
	return strings.Join(names, " ")
}

// writeBashCompletion writes the bash script; zsh loads the same one
// through bashcompinit.
func writeBashCompletion(w io.Writer, zsh bool) error {
	var b strings.Builder
	if zsh {
		b.WriteString("#compdef colony\n# zsh completion for colony: source <(colony completion zsh)\n")
		b.WriteString("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
	} else {
		b.WriteString("# bash completion for colony: source <(colony completion bash)\n")
	}
	globals := globalFlags()
	valued := []string{}
	for _, c := range commands {
		for _, f := range commandFlags(c) {
			if f.takesValue && !slices.Contains(valued, "--"+f.name) {
				valued = append(valued, "--"+f.name)
			}
		}
	}
	for _, f := range globals {
		if f.takesValue {
			valued = append(valued, "--"+f.name)
		}
	}
	b.WriteString("_colony() {\n")
	b.WriteString("  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} w i skip= cmd=\n")
	b.WriteString("  local -a words=()\n")
	fmt.Fprintf(&b, "  case $prev in\n    %s) COMPREPLY=(); [[ $prev == --state ]] && COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n  esac\n",
		strings.Join(valued, "|"))
	b.WriteString("  for ((i=1; i<COMP_CWORD; i++)); do\n    w=${COMP_WORDS[i]}\n")
	b.WriteString("    if [[ -n $skip ]]; then skip=; continue; fi\n")
	fmt.Fprintf(&b, "    case $w in\n      %s) skip=1;;\n      -*) ;;\n      *) words+=(\"$w\");;\n    esac\n  done\n", strings.Join(valued, "|"))
	b.WriteString("  cmd=${words[0]}\n  case $cmd in\n")
	for group := range groups {
		var subs []string
		for _, c := range commands {
			if sub, ok := strings.CutPrefix(c.name, group+" "); ok {
				subs = append(subs, sub)
			}
		}
		fmt.Fprintf(&b, "    %s) if ((${#words[@]} < 2)); then COMPREPLY=($(compgen -W %q -- \"$cur\")); return; fi; cmd=\"%s ${words[1]}\";;\n",
			group, strings.Join(subs, " "), group)
	}
	b.WriteString("  esac\n")
	fmt.Fprintf(&b, "  if [[ -z $cmd ]]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\")); return\n  fi\n",
		strings.Join(append(topWords(), strings.Fields(dashed(globals))...), " "))
	b.WriteString("  local opts=\n  case $cmd in\n")
	for _, c := range commands {
		if fl := commandFlags(c); len(fl) > 0 {
			fmt.Fprintf(&b, "    %q) opts=%q;;\n", c.name, dashed(fl))
		}
	}
	fmt.Fprintf(&b, "    completion) COMPREPLY=($(compgen -W %q -- \"$cur\")); return;;\n", strings.Join(completionShells, " "))
	b.WriteString("  esac\n")
	fmt.Fprintf(&b, "  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$opts %s\" -- \"$cur\"))\n  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n",
		dashed(globals))
	b.WriteString("complete -F _colony colony\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFishCompletion writes fish's native completions: commands and
// subcommands with their summaries, and each command's flags.
func writeFishCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# fish completion for colony: colony completion fish | source\ncomplete -c colony -f\n")
	top := topWords()
	for _, word := range top {
		summary := ""
		if c := lookupCommand(word); c != nil {
			summary = c.summary
		} else {
			summary = groups[word]
		}
		fmt.Fprintf(&b, "complete -c colony -n '__fish_use_subcommand' -a %s -d %s\n", word, fishQuote(summary))
	}
	for group := range groups {
		for _, c := range commands {
			if sub, ok := strings.CutPrefix(c.name, group+" "); ok {
				fmt.Fprintf(&b, "complete -c colony -n '__fish_seen_subcommand_from %s' -a %s -d %s\n", group, sub, fishQuote(c.summary))
			}
		}
	}
	for _, f := range globalFlags() {
		fmt.Fprintf(&b, "complete -c colony -l %s%s -d %s\n", f.name, fishValue(f), fishQuote(f.usage))
	}
	for _, c := range commands {
		last := c.name[strings.LastIndex(c.name, " ")+1:]
		for _, f := range commandFlags(c) {
			fmt.Fprintf(&b, "complete -c colony -n '__fish_seen_subcommand_from %s' -l %s%s -d %s\n", last, f.name, fishValue(f), fishQuote(f.usage))
		}
	}
	fmt.Fprintf(&b, "complete -c colony -n '__fish_seen_subcommand_from completion' -a %q\n", strings.Join(completionShells, " "))
	_, err := io.WriteString(w, b.String())
	return err
}

func fishValue(f completionFlag) string {
	switch {
	case f.name == "state":
		return " -r -F"
	case f.takesValue:
		return " -r"
	}
	return ""
}

// fishQuote single-quotes s for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
