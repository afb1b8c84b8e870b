package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBashCompletion sources the bash script in a real bash and asks it to
// complete command lines.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	r := cli("", "completion", "bash")
	requireOK(t, r)
	script := filepath.Join(t.TempDir(), "colony.bash")
	require.NoError(t, os.WriteFile(script, []byte(r.stdout), 0o600))
	tests := []struct{ line, want string }{
		{"colony fe", "feed"},
		{"colony sa", "sandbox"},
		{"colony dm s", "send"},
		{"colony vault ", "ls get put rm append search"},
		{"colony feed --so", "--sort"},
		{"colony --timeout 3s --json vau", "vault"},
		{"colony sandbox --se", "--seed"},
		{"colony completion f", "fish"},
		{"colony --vers", "--version"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			prog := `source "$1"; read -ra COMP_WORDS <<< "$2"; [[ $2 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _colony; echo "${COMPREPLY[*]}"`
			out, err := exec.Command(bash, "-c", prog, "bash", script, tt.line).CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.Equal(t, tt.want, strings.TrimSpace(string(out)))
		})
	}
}

// TestCompletionScripts: every shell's script names every command, and
// zsh's and fish's parse when those shells are installed.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range completionShells {
		r := cli("", "completion", shell)
		requireOK(t, r)
		for _, word := range topWords() {
			assert.Contains(t, r.stdout, word, "%s script", shell)
		}
		if path, err := exec.LookPath(shell); err == nil {
			out, err := exec.Command(path, "-n", "-c", r.stdout).CombinedOutput()
			assert.NoError(t, err, "%s -n: %s", shell, out)
		}
	}
	fish := cli("", "completion", "fish").stdout
	assert.Contains(t, fish, "complete -c colony -n '__fish_seen_subcommand_from dm' -a send -d 'send a direct message")
	assert.Contains(t, fish, "complete -c colony -n '__fish_seen_subcommand_from sandbox' -l state -r -F")
}

// TestNoEscapeSequencesOffTerminal: with stdout and stderr not terminals
// (files, pipes, buffers), the CLI writes no terminal escape sequences:
// no spinner, no colour. Colour, if it is ever added, must also honour
// NO_COLOR.
func TestNoEscapeSequencesOffTerminal(t *testing.T) {
	for _, args := range [][]string{{"--demo", "feed", "5"}, {"--demo", "comments", "x"}, {"--demo", "user", "alice"}, {"help"}, {"feed", "--bogus"}} {
		r := cli("", args...)
		assert.NotContains(t, r.stdout+r.stderr, "\x1b", "%v", args)
	}
}
