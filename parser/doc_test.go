package parser

import (
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocMap keeps the package comment's map true: every file it names
// exists, and every name it gives after a file ("parse.go cutLines,
// appendGlued") is declared in that file.
func TestDocMap(t *testing.T) {
	fset := gotoken.NewFileSet()
	doc, err := goparser.ParseFile(fset, "doc.go", nil, goparser.ParseComments|goparser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(doc.Doc.Text()), " ")
	files := regexp.MustCompile(`\b([a-z]+)\.go\b`).FindAllStringSubmatchIndex(text, -1)
	if len(files) < 15 {
		t.Fatalf("the package comment names %d files; the map names more", len(files))
	}
	declared := map[string]map[string]bool{}
	checked := 0
	for _, m := range files {
		file := text[m[2]:m[3]] + ".go"
		if _, ok := declared[file]; !ok {
			names, err := declaredIn(file)
			if err != nil {
				t.Errorf("the package comment names %s: %v", file, err)
				continue
			}
			declared[file] = names
		}
		for _, name := range namesAfter(text[m[1]:]) {
			checked++
			if !declared[file][name] {
				t.Errorf("the package comment puts %s in %s; it is not declared there", name, file)
			}
		}
	}
	if checked < 40 {
		t.Errorf("checked %d names; the map gives more", checked)
	}
}

// namesAfter returns the names listed right after a file in the map: Go
// identifiers separated by ", " or " and ", up to the first word that is
// not one ("cutLines, appendGlued; clean.go …" gives cutLines and
// appendGlued).
func namesAfter(s string) []string {
	ident := regexp.MustCompile(`^ ([A-Za-z_][A-Za-z0-9_]*)(, | and |[;:)\].…]| \(|$)`)
	var names []string
	for {
		m := ident.FindStringSubmatchIndex(s)
		if m == nil || strings.HasPrefix(s[m[3]:], ".go") {
			return names
		}
		names = append(names, s[m[2]:m[3]])
		if sep := s[m[4]:m[5]]; sep != ", " && sep != " and " {
			return names
		}
		s = " " + s[m[5]:]
	}
}

// declaredIn returns the top-level names (functions, methods, types,
// variables, constants) a file of the package declares.
func declaredIn(file string) (map[string]bool, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	f, err := goparser.ParseFile(gotoken.NewFileSet(), file, src, 0)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			names[d.Name.Name] = true
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names[n.Name] = true
					}
				}
			}
		}
	}
	return names, nil
}
