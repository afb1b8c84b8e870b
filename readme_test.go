package colony_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's Go blocks must compile. A block that starts with "package"
// is a whole file; any other block is a snippet: top-level declarations
// ("func ...", "type ...") stay at the top level, statements go into a
// function body returning error. Snippets may use the names declared in
// snippetPrelude, and imports are added for the packages they mention.

const snippetPrelude = `package snippet

import (
	"context"

	colony "github.com/thecolony/colony-go"
)

var (
	ctx       context.Context
	client    *colony.Client
	apiKey    string
	postID    string
	llmOutput string
)
`

var snippetImports = map[string]string{
	"colony.":     `colony "github.com/thecolony/colony-go"`,
	"colonytest.": `"github.com/thecolony/colony-go/colonytest"`,
	"context.":    `"context"`,
	"errors.":     `"errors"`,
	"fmt.":        `"fmt"`,
	"http.":       `"net/http"`,
	"json.":       `"encoding/json"`,
	"log.":        `"log"`,
	"os.":         `"os"`,
	"slog.":       `"log/slog"`,
	"testing.":    `"testing"`,
	"time.":       `"time"`,
	"errgroup.":   `"golang.org/x/sync/errgroup"`,
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

func TestREADMECodeBlocksCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README's code")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 10 {
		t.Fatalf("found only %d Go blocks in README.md", len(blocks))
	}
	root, err := os.MkdirTemp(".", "readme-snippets-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(root)
	for i, b := range blocks {
		dir := filepath.Join(root, fmt.Sprintf("block%02d", i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		code := b[1]
		if strings.HasPrefix(code, "package ") {
			write(t, filepath.Join(dir, "main.go"), code)
			continue
		}
		write(t, filepath.Join(dir, "prelude.go"), snippetPrelude)
		imports := []string{snippetImports["colony."], snippetImports["context."]}
		for prefix, imp := range snippetImports {
			if strings.Contains(code, prefix) && prefix != "colony." && prefix != "context." {
				imports = append(imports, imp)
			}
		}
		body := code
		if !strings.HasPrefix(strings.TrimSpace(code), "func ") && !strings.HasPrefix(strings.TrimSpace(code), "type ") {
			tail := "\nreturn nil\n"
			if lines := strings.Split(strings.TrimSpace(code), "\n"); strings.HasPrefix(lines[len(lines)-1], "return ") {
				tail = "\n"
			}
			body = "func _() error {\n" + code + tail + "}\n"
		}
		write(t, filepath.Join(dir, "snippet.go"), "package snippet\n\nimport (\n"+strings.Join(imports, "\n")+"\n)\n\nvar _ = colony.Version\nvar _ context.Context\n\n"+body)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	cmd := exec.Command(goTool, "vet", "./"+filepath.Base(root)+"/...")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("README code does not compile:\n%s", out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
