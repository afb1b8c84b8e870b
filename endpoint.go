package colony

import (
	"context"
	"net/http"
)

// endpoint is one method of the SDK's surface, declared once, by one line
// of the registry's table in routes.go:
//
//	epGetPost = get("GetPost", "get_post", "/posts/{post_id}")
//
// Everything else is derived from the declarations or checked against them
// by tests: the request's method and route, the op name in local errors,
// the README's method table, the documented route of each method, the wire
// replay's coverage, the surface walk and colonytest's routes.
type endpoint struct {
	goName string // Client method, or package function when fn is set
	python string // Python SDK name; "" for a Go-only addition
	method string // HTTP method; "" for a method that does no I/O
	route  string // path template relative to the API root, "{name}" per segment
	write  bool   // the call changes server state
	fn     bool   // a package-level function rather than a Client method
}

// registry holds every declared endpoint, in declaration order (the order
// of routes.go). It is filled while the package's variables are initialised
// and never changes afterwards.
var registry []*endpoint

func declare(e *endpoint) *endpoint {
	registry = append(registry, e)
	return e
}

// get, post, put, patch and del declare a Client method that calls one
// route.
func get(goName, python, route string) *endpoint {
	return declare(&endpoint{goName: goName, python: python, method: http.MethodGet, route: route})
}

func post(goName, python, route string) *endpoint {
	return declare(&endpoint{goName: goName, python: python, method: http.MethodPost, route: route, write: true})
}

func put(goName, python, route string) *endpoint {
	return declare(&endpoint{goName: goName, python: python, method: http.MethodPut, route: route, write: true})
}

func patch(goName, python, route string) *endpoint {
	return declare(&endpoint{goName: goName, python: python, method: http.MethodPatch, route: route, write: true})
}

func del(goName, python, route string) *endpoint {
	return declare(&endpoint{goName: goName, python: python, method: http.MethodDelete, route: route, write: true})
}

// local declares a Client method that does no I/O (EnableCache, OnRequest).
func local(goName, python string) *endpoint {
	return declare(&endpoint{goName: goName, python: python})
}

// function marks e as a package-level function rather than a Client
// method: function(post("Register", "register", "/auth/register")).
func function(e *endpoint) *endpoint {
	e.fn = true
	return e
}

// orZero is a method's options with nil read as the defaults: the zero
// value.
func orZero[T any](opts *T) T {
	if opts == nil {
		var zero T
		return zero
	}
	return *opts
}

// args are the per-call parts of a request to an endpoint.
type args struct {
	params []string // values of the route's placeholders, in order
	query  string   // encoded query string, without '?'
	body   any      // JSON body; nil sends none
}

// req builds the request for one call of e.
func (e *endpoint) req(a args) *request {
	return &request{op: e.goName, method: e.method, route: e.route, params: a.params, query: a.query, body: a.body}
}

// call sends one call of ep and decodes a 2xx answer into a new T: a plain
// method is a single line around it.
func call[T any](ctx context.Context, c *Client, ep *endpoint, a args, opts []CallOption) (*T, error) {
	var out T
	if err := c.do(ctx, ep.req(a), &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// callNoResult sends one call of ep and drops any answer body, for endpoints
// whose answer carries nothing (204, or an empty 200).
func callNoResult(ctx context.Context, c *Client, ep *endpoint, a args, opts []CallOption) error {
	return c.do(ctx, ep.req(a), nil, opts)
}

// callList sends one call of ep whose answer is a bare JSON array: any
// other shape is an ErrDecode, never an empty list.
func callList[T any](ctx context.Context, c *Client, ep *endpoint, a args, opts []CallOption) ([]T, error) {
	out, err := call[[]T](ctx, c, ep, a, opts)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// ids is args for a route's placeholders alone.
func ids(params ...string) args { return args{params: params} }
