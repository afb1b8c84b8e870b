package colony_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryExportedIdentifierIsDocumented parses the public packages and
// fails on an exported declaration without a doc comment, or with one that
// does not start with the identifier's name.
func TestEveryExportedIdentifierIsDocumented(t *testing.T) {
	for _, dir := range []string{".", "colonytest"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			checkFileDocs(t, filepath.Base(path), f)
		}
	}
}

func checkFileDocs(t *testing.T, file string, f *ast.File) {
	t.Helper()
	check := func(name string, doc *ast.CommentGroup, pos token.Pos) {
		if !ast.IsExported(name) {
			return
		}
		if doc == nil {
			t.Errorf("%s: %s has no doc comment", file, name)
			return
		}
		text := doc.Text()
		if !strings.HasPrefix(text, name+" ") && !strings.HasPrefix(text, "A "+name) && !strings.HasPrefix(text, "An "+name) {
			t.Errorf("%s: the doc comment of %s does not start with its name: %q", file, name, firstLine(text))
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil {
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok && !ast.IsExported(id.Name) {
					continue // methods of unexported types
				}
				if idx, ok := recv.(*ast.IndexExpr); ok {
					if id, ok := idx.X.(*ast.Ident); ok && !ast.IsExported(id.Name) {
						continue
					}
				}
			}
			check(d.Name.Name, d.Doc, d.Pos())
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil {
						doc = d.Doc
					}
					check(s.Name.Name, doc, s.Pos())
				case *ast.ValueSpec:
					// Constants and variables in a documented group pass.
					if s.Doc == nil && d.Doc == nil && s.Comment == nil {
						for _, n := range s.Names {
							if ast.IsExported(n.Name) {
								t.Errorf("%s: %s has no doc comment", file, n.Name)
							}
						}
					}
				}
			}
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
