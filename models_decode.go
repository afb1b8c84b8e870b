package colony

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"unsafe"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// How a model decodes. There is one way, the same for every model:
//
//   - The model's struct tags are its decoder (models_decode_plan.go):
//     the json tag names the key, a fallback tag the older keys that fill
//     the field when the main one is missing ("post_id" for "id"). The
//     plan made from them once per type reads each field with the jsonx
//     read for its type (r.Str, r.Int, r.Time, a nested model, a list of
//     them), with no reflection per value: each byte of the body is
//     scanned once. What tags cannot say (a list under one of several
//     keys, a user given by flat "author_id"/"author_username" keys, a
//     default for a missing key) is a readJSON method: its own keys, then
//     readFields for the rest. Malformed JSON fails the call.
//   - The model's methods are generated (models_methods.go, by go
//     generate from the declarations). UnmarshalJSON is unmarshalModel,
//     which copies the bytes it is given (encoding/json's callers may reuse
//     them). A value of the wrong type fails it, as with encoding/json,
//     except in the bodies the API does not document, whose models say
//     model:"lenient" on their rawJSON and get unmarshalLenient: there the
//     field is left zero. Timestamps are always lenient (unparsable gives
//     the zero time). Entities that cannot be empty (a post, a user, a
//     page, ...) say model:"entity" and also get decodeJSON (decodeModel):
//     the client decodes the body it owns without a copy and refuses an
//     empty one. A model built by a parser of its own says model:"parsed"
//     and gets no UnmarshalJSON.
//   - The model embeds rawJSON. readModel keeps the bytes a model was
//     read from as its RawJSON, without a copy: a sub-slice of the
//     response body, which the client allocates per response and never
//     writes again. A model kept from a page therefore keeps that page's
//     body alive; copy RawJSON (or the fields) to keep one item of a large
//     page long.
//   - Format is formatModel: %v and %+v print the exported fields, not
//     the raw JSON's bytes (a json.RawMessage field prints as its text).
//
// models_decode_internal_test.go finds every model in the package's
// source and checks all of this, and that each decodes its schema's sample
// from the live API's OpenAPI document without losing a field.

// jsonReader is implemented by the models whose JSON needs more than their
// tags: a list under one of several keys, flat keys of a nested user, a
// default for a missing key. The rest have no decoding code at all: their
// fieldPlan reads them.
type jsonReader interface{ readJSON(r *jsonx.Reader) }

// rawJSON is embedded in every model to keep its source JSON.
type rawJSON struct{ raw json.RawMessage }

// RawJSON returns the JSON the value was decoded from, or nil for a value
// built in code. It may share memory with the response it came from: do
// not modify it.
func (r rawJSON) RawJSON() json.RawMessage { return r.raw }

// keep keeps a copy of b, for values parsed outside this scheme (webhook
// deliveries) from bytes the caller may reuse.
func (r *rawJSON) keep(b []byte) { r.raw = jsonx.Clone(b) }

// readModel reads the next value of r into m, keeping its bytes as m's raw
// JSON when m keeps one.
func readModel[T any](r *jsonx.Reader, m *T) {
	planOf(reflect.TypeFor[T]()).readValue(r, unsafe.Pointer(m))
}

// readFields reads the object at r into the model m by its tags, as its
// plan does, offering each key to extra first: extra reads the keys the
// tags do not cover (and the tagged ones it reads its own way) and reports
// whether it took the key. A custom readJSON is this call plus its extra
// keys.
func readFields[T any](r *jsonx.Reader, m *T, extra func(k []byte) bool) {
	planOf(reflect.TypeFor[T]()).readObject(r, unsafe.Pointer(m), extra)
}

// readPtr reads a nullable nested model: null (or another type than an
// object, or a string for a stringForm) gives nil.
func readPtr[T any](r *jsonx.Reader) *T {
	return (*T)(planOf(reflect.TypeFor[T]()).readNew(r))
}

// readList reads a list of models, each decoded in place from its own
// bytes; null or another type gives nil, an empty list a non-nil empty
// slice.
func readList[T any](r *jsonx.Reader) []T {
	if !r.Array() {
		return nil
	}
	out := []T{}
	plan := planOf(reflect.TypeFor[T]())
	for r.More() {
		out = append(out, *new(T))
		plan.readValue(r, unsafe.Pointer(&out[len(out)-1]))
	}
	return out
}

// decodeModel decodes a whole response body b into m; m keeps b, which
// the caller must not modify afterwards. Malformed JSON and a value of the
// wrong type fail, as with encoding/json; timestamps are lenient.
func decodeModel[T any](b []byte, m *T) error {
	var r jsonx.Reader
	r.Reset(b)
	planOf(reflect.TypeFor[T]()).readSelf(&r, unsafe.Pointer(m))
	if err := r.End(); err != nil {
		return err
	}
	return r.TypeErr()
}

// decodeLenient is decodeModel for the bodies the API does not document:
// a value of the wrong type leaves its field zero instead of failing.
func decodeLenient[T any](b []byte, m *T) error {
	var r jsonx.Reader
	r.Reset(b)
	planOf(reflect.TypeFor[T]()).readSelf(&r, unsafe.Pointer(m))
	return r.End()
}

// unmarshalModel is UnmarshalJSON: decodeModel on a copy of b.
func unmarshalModel[T any](b []byte, m *T) error { return decodeModel(jsonx.Clone(b), m) }

// unmarshalLenient is UnmarshalJSON for lenient models: decodeLenient on a
// copy of b.
func unmarshalLenient[T any](b []byte, m *T) error { return decodeLenient(jsonx.Clone(b), m) }

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
		if fv.Type() == rawMsgType {
			_, _ = f.Write(fv.Bytes()) // JSON text, not a list of byte values
			continue
		}
		_, _ = fmt.Fprintf(f, format, fv.Interface())
	}
	_, _ = io.WriteString(f, "}")
	_ = verb
}
