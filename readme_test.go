package colony_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's Go blocks must compile. A block with a package clause is a
// whole file; any other block is a snippet: top-level declarations
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
	"synctest.":   `"testing/synctest"`,
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

// wholeFile tells a block that is a whole file (a package clause, maybe
// after its doc comment) from a snippet.
var wholeFile = regexp.MustCompile(`(?m)^package \w+$`)

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
		if wholeFile.MatchString(code) {
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

// TestREADMEQuickstartIsTheExample: the README's Quickstart is the program
// in examples/quickstart, byte for byte, so pasting it works as running it.
func TestREADMEQuickstartIsTheExample(t *testing.T) {
	example, err := os.ReadFile("examples/quickstart/main.go")
	if err != nil {
		t.Fatal(err)
	}
	block := readmeSectionBlock(t, "## Quickstart")
	if block != string(example) {
		t.Errorf("README.md's Quickstart differs from examples/quickstart/main.go: copy the file into the README's block")
	}
}

// allowedExampleImports are the only non-standard imports of an example.
var allowedExampleImports = map[string]bool{
	"github.com/thecolony/colony-go":            true,
	"github.com/thecolony/colony-go/colonytest": true,
}

// TestExamplesBuildWhenCopiedAlone copies each example directory on its own
// into a new module that requires only colony-go (replaced by this
// checkout) and vets it, tests included: what a person copying an example
// gets. Offline: GOPROXY=off and the module cache.
func TestExamplesBuildWhenCopiedAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example in a module of its own")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("examples/*/main.go")
	if err != nil || len(dirs) < 8 {
		t.Fatalf("found %d examples (%v)", len(dirs), err)
	}
	for _, mainFile := range dirs {
		dir := filepath.Dir(mainFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			files, err := filepath.Glob(filepath.Join(dir, "*.go"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				checkExampleImports(t, f, src)
				write(t, filepath.Join(tmp, filepath.Base(f)), string(src))
			}
			write(t, filepath.Join(tmp, "go.mod"), "module example.com/copied\n\ngo 1.25\n\n"+
				"require github.com/thecolony/colony-go v0.0.0-00010101000000-000000000000\n\n"+
				"replace github.com/thecolony/colony-go => "+root+"\n")
			// colony-go's own go.sum: what `go mod tidy` would fetch online.
			sum, err := os.ReadFile("go.sum")
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(tmp, "go.sum"), string(sum))
			cmd := exec.Command(goTool, "vet", "./...")
			cmd.Dir = tmp
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s does not build alone in a new module:\n%s", dir, out)
			}
		})
	}
}

// checkExampleImports fails t when an example imports anything but the
// standard library, the SDK and colonytest.
func checkExampleImports(t *testing.T, name string, src []byte) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		first, _, _ := strings.Cut(path, "/")
		if strings.Contains(first, ".") && !allowedExampleImports[path] {
			t.Errorf("%s imports %s: examples import only the standard library, colony-go and colonytest", name, path)
		}
	}
}

// TestREADMENoSleepRecipeRuns: the README's testing/synctest recipe is, as
// it stands, a test of examples/testing_with_colonytest, so it runs in
// make test and not only compiles.
func TestREADMENoSleepRecipeRuns(t *testing.T) {
	block := readmeSectionBlock(t, "### Tests that don't sleep")
	test, err := os.ReadFile("examples/testing_with_colonytest/main_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(test), block) {
		t.Error("the README's synctest recipe is not, verbatim, a test in examples/testing_with_colonytest/main_test.go")
	}
}

// readmeSectionBlock returns the first Go block of the README section under
// heading (e.g. "## Quickstart").
func readmeSectionBlock(t *testing.T, heading string) string {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no %q section", heading)
	}
	block := goBlock.FindStringSubmatch(section)
	if block == nil {
		t.Fatalf("README.md's %q section has no Go block", heading)
	}
	return block[1]
}

// TestMakeTestNeedsACCompiler: on a machine whose PATH has Go but no C
// compiler, make test stops before testing, and says why and what to do.
func TestMakeTestNeedsACCompiler(t *testing.T) {
	if testing.Short() {
		t.Skip("runs make")
	}
	makeTool, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make on PATH")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH")
	}
	bin := t.TempDir()
	if err := os.Symlink(goTool, filepath.Join(bin, "go")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(makeTool, "race-check")
	cmd.Env = append(os.Environ(), "PATH="+bin, "CC=", "CGO_ENABLED=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("make race-check passed without a C compiler:\n%s", out)
	}
	for _, want := range []string{"go test -race needs cgo and a C compiler", "Install gcc or clang", "make test-norace"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("make race-check's message lacks %q:\n%s", want, out)
		}
	}
}
