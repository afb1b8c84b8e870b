package colony_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Tests that hold everything else to the registry of endpoints: each
// failure says what to add where.

var updateREADME = flag.Bool("update", false, "rewrite the README's method table from the registry")

//go:generate go test -run TestREADMEMethodTable|TestModelMethodsAreGenerated -update .

func TestRegistryIsWellFormed(t *testing.T) {
	goNames := map[string]bool{}
	python := map[string]string{}
	for _, e := range colony.Registry() {
		assert.False(t, goNames[e.GoName], "%s is declared twice", e.GoName)
		goNames[e.GoName] = true
		if e.Python != "" {
			assert.Empty(t, python[e.Python], "Python name %s is declared by both %s and %s", e.Python, python[e.Python], e.GoName)
			python[e.Python] = e.GoName
		}
		if e.Method == "" {
			assert.Empty(t, e.Route, "%s has a route but no method", e.GoName)
			continue
		}
		assert.True(t, strings.HasPrefix(e.Route, "/"), "%s: route %q must start with /", e.GoName, e.Route)
		assert.NotContains(t, e.Route, "?", "%s: the query belongs in the doc comment, not the route", e.GoName)
		assert.Equal(t, e.Method != http.MethodGet, e.Write, "%s: a write is any method but GET", e.GoName)
	}
}

// docComments returns the doc comment of every Client method and package
// function of the root package, by name.
func docComments(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
	require.NoError(t, err)
	docs := map[string]string{}
	for _, f := range pkgs["colony"].Files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Doc == nil || !fn.Name.IsExported() {
				continue
			}
			if fn.Recv != nil {
				star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if id, ok := star.X.(*ast.Ident); !ok || id.Name != "Client" {
					continue
				}
			}
			docs[fn.Name.Name] = strings.Join(strings.Fields(fn.Doc.Text()), " ")
		}
	}
	return docs
}

// TestDocCommentsGiveTheDeclaredRoute: every method that calls the API
// names its declared "METHOD /route" in its doc comment.
func TestDocCommentsGiveTheDeclaredRoute(t *testing.T) {
	docs := docComments(t)
	for _, e := range colony.Registry() {
		doc, ok := docs[e.GoName]
		if !ok {
			t.Errorf("%s has no doc comment", e.GoName)
			continue
		}
		assert.True(t, strings.HasPrefix(doc, e.GoName+" "), "%s: the doc comment must start with the name", e.GoName)
		if e.Method == "" {
			continue
		}
		want := regexp.MustCompile(`(^|\W)` + e.Method + ` ` + regexp.QuoteMeta(e.Route) + `($|[^\w/{}-])`)
		assert.Regexp(t, want, doc, "%s: the doc comment must give its route %s %s", e.GoName, e.Method, e.Route)
	}
}

// TestWireCoverage: every endpoint that calls the API has a wire case, or
// is listed here with the reason it has none.
func TestWireCoverage(t *testing.T) {
	exempt := map[string]string{
		"IterSearch":            "Go-only iterator over Search, whose cases replay",
		"IterDirectory":         "Go-only iterator over Directory, whose cases replay",
		"IterGroupMessages":     "Go-only iterator over GetGroupConversation, whose cases replay",
		"IterGroupSearch":       "Go-only iterator over SearchGroupMessages, whose cases replay",
		"IterSavedMessages":     "Go-only iterator over ListSavedMessages, whose cases replay",
		"OpenMessageAttachment": "Go-only stream of GetMessageAttachment, whose cases replay",
		"OpenGroupAvatar":       "Go-only stream of GetGroupAvatar, whose cases replay",
		"IterBookmarks":         "Go-only iterator over ListBookmarks, whose cases replay",
		"IterCollections":       "Go-only iterator over ListCollections, whose cases replay",
		"IterColdBudgetPeers":   "Go-only iterator over ListColdBudgetPeers, whose cases replay",
	}
	cases := wireCasesByCall(t)
	for _, e := range colony.Registry() {
		if e.Method == "" {
			continue
		}
		reason, exempted := exempt[e.GoName]
		has := e.Python != "" && len(cases[e.Python]) > 0
		switch {
		case has && exempted:
			t.Errorf("%s has wire cases; drop its exemption (%s)", e.GoName, reason)
		case !has && !exempted:
			t.Errorf("%s (%s %s) has no wire case: record one in testdata/ or list the reason in this test", e.GoName, e.Method, e.Route)
		}
	}
}

// TestColonytestServesEveryEndpoint: every declared route has a
// colonytest handler.
func TestColonytestServesEveryEndpoint(t *testing.T) {
	srv := colonytest.NewServer(t)
	for _, e := range colony.Registry() {
		if e.Method == "" || e.Route == "/oauth/token" {
			continue // /oauth/token is at the site root, outside the API (account_test.go checks it)
		}
		if _, ok := srv.Serves(e.Method + " " + e.Route); !ok {
			t.Errorf("%s: colonytest has no handler for %s %s: add one in colonytest/", e.GoName, e.Method, e.Route)
		}
	}
}

const (
	tableBegin = "<!-- methods:begin: generated from the registry by `go generate`; do not edit -->"
	tableEnd   = "<!-- methods:end -->"
)

// methodTable renders the README's method table from the registry.
func methodTable() string {
	var b strings.Builder
	b.WriteString("| Python | Go | REST route |\n|---|---|---|\n")
	var goOnly []string
	for _, e := range colony.Registry() {
		name := "`Client." + e.GoName + "`"
		if e.Func {
			name = "`" + e.GoName + "`"
		}
		if e.Python == "" {
			goOnly = append(goOnly, name)
			continue
		}
		route := "(local)"
		if e.Method != "" {
			route = "`" + e.Method + " " + e.Route + "`"
		}
		b.WriteString("| `" + e.Python + "` | " + name + " | " + route + " |\n")
	}
	b.WriteString("\nGo-only additions: " + strings.Join(goOnly, ", ") + ".\n")
	return b.String()
}

// TestREADMEMethodTable: the README's method table is the registry's.
// Run `go generate` (or this test with -update) after declaring an
// endpoint.
func TestREADMEMethodTable(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	require.NoError(t, err)
	readme := string(raw)
	i, j := strings.Index(readme, tableBegin), strings.Index(readme, tableEnd)
	require.True(t, i >= 0 && j > i, "README.md must hold the markers %q and %q", tableBegin, tableEnd)
	got := readme[i+len(tableBegin) : j]
	want := "\n" + methodTable()
	if *updateREADME {
		require.NoError(t, os.WriteFile("README.md", []byte(readme[:i+len(tableBegin)]+want+readme[j:]), 0o644))
		return
	}
	if got != want {
		t.Errorf("README.md's method table is not the registry's: run `go generate` in the repository root")
	}
}
