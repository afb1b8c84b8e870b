package colony

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// How a model decodes. There is one way, the same for every model:
//
//   - The model has a readJSON method that reads its object from a
//     jsonx.Reader with a switch on the member name, one case a field
//     (r.Str, r.Int, r.Time, readModel for a nested model, readList for a
//     list of them). Fallback keys ("post_id" for "id", ...) are read into
//     locals and applied after the loop, so the order of the keys does not
//     matter. There is no reflection: each byte of the body is scanned
//     once, and a value of an unexpected type leaves its field zero
//     instead of failing the call. Malformed JSON fails it.
//   - UnmarshalJSON is one line: unmarshalModel, which copies the bytes it
//     is given (encoding/json's callers may reuse them). A value of the
//     wrong type fails it, as with encoding/json, except in the bodies the
//     API does not document, whose models use unmarshalLenient: there the
//     field is left zero. Timestamps are always lenient (unparsable gives
//     the zero time). Entities that cannot be empty (a post, a user, a
//     page, ...) also have decodeJSON, one line of decodeModel: the client
//     decodes the body it owns without a copy and refuses an empty one.
//   - The model embeds rawJSON. readModel keeps the bytes a model was
//     read from as its RawJSON, without a copy: a sub-slice of the
//     response body, which the client allocates per response and never
//     writes again. A model kept from a page therefore keeps that page's
//     body alive; copy RawJSON (or the fields) to keep one item of a large
//     page long.
//   - Format is one line, formatModel: %v and %+v print the exported
//     fields, not the raw JSON's bytes.
//
// models_decode_internal_test.go finds every model in the package's
// source and checks all of this, and that each decodes its schema's sample
// from the live API's OpenAPI document without losing a field.

// jsonReader is implemented by every model: read the next value of r.
type jsonReader interface{ readJSON(r *jsonx.Reader) }

// rawKeeper is implemented by models embedding rawJSON.
type rawKeeper interface{ keepRaw(b []byte) }

// rawJSON is embedded in every model to keep its source JSON.
type rawJSON struct{ raw json.RawMessage }

// RawJSON returns the JSON the value was decoded from, or nil for a value
// built in code. It may share memory with the response it came from: do
// not modify it.
func (r rawJSON) RawJSON() json.RawMessage { return r.raw }

func (r *rawJSON) keepRaw(b []byte) { r.raw = b }

// keep keeps a copy of b, for values parsed outside this scheme (webhook
// deliveries) from bytes the caller may reuse.
func (r *rawJSON) keep(b []byte) { r.raw = jsonx.Clone(b) }

// readModel reads the next value of r into m, keeping its bytes as m's raw
// JSON when m keeps one.
func readModel(r *jsonx.Reader, m jsonReader) {
	start := r.Pos()
	m.readJSON(r)
	if k, ok := m.(rawKeeper); ok {
		k.keepRaw(r.Since(start))
	}
}

// modelPtr constrains PT to *T implementing jsonReader, so generic code can
// decode a T without reflection.
type modelPtr[T any] interface {
	*T
	jsonReader
}

// readPtr reads a nullable nested model: null (or another type than an
// object) gives nil.
func readPtr[T any, PT modelPtr[T]](r *jsonx.Reader) *T {
	if r.Peek() != '{' {
		r.Skip()
		return nil
	}
	v := new(T)
	readModel(r, PT(v))
	return v
}

// readList reads a list of models; null or another type gives nil, an
// empty list a non-nil empty slice.
func readList[T any, PT modelPtr[T]](r *jsonx.Reader) []T {
	if !r.Array() {
		return nil
	}
	out := []T{}
	for r.More() {
		var v T
		readModel(r, PT(&v))
		out = append(out, v)
	}
	return out
}

// decodeModel decodes a whole response body b into m; m keeps b, which
// the caller must not modify afterwards. Malformed JSON and a value of the
// wrong type fail, as with encoding/json; timestamps are lenient.
func decodeModel(b []byte, m jsonReader) error {
	var r jsonx.Reader
	r.Reset(b)
	readModel(&r, m)
	if err := r.End(); err != nil {
		return err
	}
	return r.TypeErr()
}

// decodeLenient is decodeModel for the bodies the API does not document:
// a value of the wrong type leaves its field zero instead of failing.
func decodeLenient(b []byte, m jsonReader) error {
	var r jsonx.Reader
	r.Reset(b)
	readModel(&r, m)
	return r.End()
}

// unmarshalModel is UnmarshalJSON: decodeModel on a copy of b.
func unmarshalModel(b []byte, m jsonReader) error { return decodeModel(jsonx.Clone(b), m) }

// unmarshalLenient is UnmarshalJSON for lenient models: decodeLenient on a
// copy of b.
func unmarshalLenient(b []byte, m jsonReader) error { return decodeLenient(jsonx.Clone(b), m) }

// fallback sets *dst to alt when *dst is zero: a fallback key fills a
// field the main key left empty.
func fallback[T comparable](dst *T, alt T) {
	var zero T
	if *dst == zero {
		*dst = alt
	}
}

// fastDecoder is implemented by models that decode a response body they
// may keep as their raw JSON without copying it.
type fastDecoder interface{ decodeJSON(b []byte) error }

// formatModel prints the exported fields of the struct v, as fmt's %v
// (or with names, %+v) would, leaving out the raw JSON.
func formatModel(f fmt.State, verb rune, v any) {
	rv := reflect.ValueOf(v)
	rt := rv.Type()
	named := f.Flag('+') || f.Flag('#')
	if f.Flag('#') {
		_, _ = io.WriteString(f, rt.String())
	}
	_, _ = io.WriteString(f, "{")
	format := "%v"
	if named {
		format = "%+v"
	}
	first := true
	for i := range rt.NumField() {
		sf := rt.Field(i)
		if !sf.IsExported() {
			continue
		}
		if !first {
			_, _ = io.WriteString(f, " ")
		}
		first = false
		if named {
			_, _ = io.WriteString(f, sf.Name+":")
		}
		fv := rv.Field(i)
		if fv.Kind() == reflect.Pointer && !fv.IsNil() {
			fv = fv.Elem() // the value, not its address
		}
		_, _ = fmt.Fprintf(f, format, fv.Interface())
	}
	_, _ = io.WriteString(f, "}")
	_ = verb
}
