package colony

// Endpoint is what the external tests see of a declared endpoint.
type Endpoint struct {
	GoName, Python, Method, Route string
	Write, Func                   bool
}

// Registry returns every declared endpoint, in declaration order.
func Registry() []Endpoint {
	out := make([]Endpoint, len(registry))
	for i, e := range registry {
		out[i] = Endpoint{GoName: e.goName, Python: e.python, Method: e.method, Route: e.route, Write: e.write, Func: e.fn}
	}
	return out
}
