package colony

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/thecolony/colony-go/internal/jsonx"
)

// A model's struct tags are its decoder. The first time a type is read,
// planOf looks at it once, by reflection, and makes its fieldPlan: for
// each JSON key its tag names, the field's offset and the jsonx read for
// the field's type. Reading a value then runs the plan: a table lookup per
// key and a typed store at base+offset, with no reflection (a nested
// pointer or list of models allocates through reflect.New and
// reflect.Value.Grow, as encoding/json does). The reads are the ones a
// hand-written switch would call: r.Str for any string kind, r.Int,
// r.Time, r.TimePtr, r.Strings, r.Map, readModel for a nested model, and
// so on; a field of a type the plan does not know is decoded by
// encoding/json from its bytes.
//
// Three more things are said in the model's declaration, not in code:
//
//   - A fallback tag names older spellings of a field's key, in order of
//     preference: `json:"id" fallback:"post_id"`. A fallback key fills the
//     field only when the main key left it zero, whatever their order in
//     the object, and a value of the wrong type there is ignored.
//   - A flat tag on a nested struct names the prefix of its flat twins:
//     with `json:"author" flat:"author_"`, "author_id" and
//     "author_username" are fallbacks of the author's id and username. On
//     a nested *struct, a twin with a value makes the struct when the
//     object has none.
//   - A model that may also come as a bare string (a username for a
//     person) has a fromString method (stringForm).
//
// A model whose JSON needs more than that has a readJSON method (see
// jsonReader), which reads its extra keys and leaves the rest to
// readFields.

// fieldPlan is how one type's values are read.
type fieldPlan struct {
	typ reflect.Type
	// custom: *typ has its own readJSON, which readValue defers to.
	custom bool
	// str: *typ is a stringForm, read from a string as well as an object.
	str bool
	// object: typ is a struct read by its tags through fields wherever it
	// is met. A struct with a json.Unmarshaler of its own and no readJSON
	// or raw JSON is read by its tags only as itself (decodeModel, from its
	// UnmarshalJSON); nested, it is left to that UnmarshalJSON.
	object bool
	// fields are the reads of a struct's keys in an open-addressed table
	// indexed by keyHash, a hash of three bytes of the key, which is
	// faster than hashing all of it. nil for a type that is not a struct.
	fields []keyedRead
	// rawAt is the offset of the json.RawMessage the model keeps its
	// source in (its embedded rawJSON, perhaps promoted), or -1.
	rawAt int
}

// keyedRead is the read of one key.
type keyedRead struct {
	key string
	fieldRead
}

// fieldRead reads one member's value into the field at offset at.
type fieldRead struct {
	at   uintptr
	kind readKind // the common kinds, read without an indirect call
	read readFunc // the others
	typ  reflect.Type
	// fallback: the key is the field's fallback-th fallback key (from 1),
	// not its own.
	fallback int
	// via, for the flat twin of a field of a nested *struct: the offset of
	// that pointer plus one (0: none), and the struct's type, made when a
	// twin has a value and the pointer is nil. at is then within it.
	via     uintptr
	viaType reflect.Type
}

// stringForm is implemented by models that may come as a bare string.
type stringForm interface{ fromString(s string) }

// readFunc reads the next value of r into the value at p.
type readFunc func(r *jsonx.Reader, p unsafe.Pointer)

// readKind names the field types most models are made of.
type readKind uint8

const (
	readOther readKind = iota // read
	readString
	readInt
	readBool
	readTime
)

// kindOf is t's readKind.
func kindOf(t reflect.Type) readKind {
	switch {
	case t == timeType:
		return readTime
	case reflect.PointerTo(t).Implements(unmarshalerType):
		return readOther
	case t.Kind() == reflect.String:
		return readString
	case t.Kind() == reflect.Int:
		return readInt
	case t.Kind() == reflect.Bool:
		return readBool
	}
	return readOther
}

// readAt reads the next value of r into the field at p.
func (f *fieldRead) readAt(r *jsonx.Reader, p unsafe.Pointer) {
	switch f.kind {
	case readString:
		*(*string)(p) = r.Str()
	case readInt:
		*(*int)(p) = r.Int()
	case readBool:
		*(*bool)(p) = r.Bool()
	case readTime:
		*(*time.Time)(p) = r.Time()
	default:
		f.read(r, p)
	}
}

// plans caches each type's plan: reflect.Type → *fieldPlan.
var plans sync.Map

// planOf returns t's plan, making it on first use.
func planOf(t reflect.Type) *fieldPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*fieldPlan)
	}
	p, _ := plans.LoadOrStore(t, makePlan(t))
	return p.(*fieldPlan)
}

var (
	jsonReaderType  = reflect.TypeFor[jsonReader]()
	stringFormType  = reflect.TypeFor[stringForm]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	rawJSONType     = reflect.TypeFor[rawJSON]()
)

// makePlan looks at t once. Its fields' own plans are looked up when they
// are first read, so a type may contain itself.
func makePlan(t reflect.Type) *fieldPlan {
	p := &fieldPlan{typ: t, rawAt: rawOffset(t)}
	p.custom = reflect.PointerTo(t).Implements(jsonReaderType)
	p.str = reflect.PointerTo(t).Implements(stringFormType)
	if t.Kind() != reflect.Struct {
		return p
	}
	// A struct read by its tags: a model (it keeps its raw JSON or has its
	// own readJSON), or a plain struct without a json.Unmarshaler of its
	// own, which encoding/json would read by the same tags.
	p.object = p.custom || p.rawAt >= 0 || !reflect.PointerTo(t).Implements(unmarshalerType)
	p.fields = indexKeys(tagReads(t))
	return p
}

// tagReads are the reads of t's keys: each tagged field's own key, then
// its fallback keys (a key names one field; the main keys come first).
func tagReads(t reflect.Type) map[string]fieldRead {
	reads := map[string]fieldRead{}
	var fallbacks []string
	for _, f := range reflect.VisibleFields(t) {
		name, ok := jsonName(f)
		at, inline := fieldOffset(t, f.Index)
		if !ok || !inline {
			continue
		}
		if _, dup := reads[name]; !dup {
			reads[name] = fieldRead{at: at, kind: kindOf(f.Type), read: readerFor(f.Type), typ: f.Type}
		}
		if alts := f.Tag.Get("fallback"); alts != "" {
			fallbacks = append(fallbacks, name+","+alts)
		}
		if prefix := f.Tag.Get("flat"); prefix != "" {
			addFlat(reads, prefix, at, f.Type)
		}
	}
	for _, spec := range fallbacks {
		keys := strings.Split(spec, ",")
		main := reads[keys[0]]
		for rank, key := range keys[1:] {
			if _, taken := reads[key]; !taken {
				main.fallback = rank + 1
				reads[key] = main
			}
		}
	}
	return reads
}

// addFlat adds the flat twins of a nested struct's keys (prefix "author_":
// "author_id" for the author's "id") as its fields' fallbacks: they fill
// what the nested object leaves zero. at is the nested struct's offset.
func addFlat(reads map[string]fieldRead, prefix string, at uintptr, t reflect.Type) {
	nested := t
	if t.Kind() == reflect.Pointer {
		nested = t.Elem()
	}
	for key, f := range tagReads(nested) {
		if _, taken := reads[prefix+key]; taken || f.fallback != 0 {
			continue
		}
		if f.fallback = 1; t.Kind() == reflect.Pointer {
			f.via, f.viaType = at+1, nested
		} else {
			f.at += at
		}
		reads[prefix+key] = f
	}
}

// indexKeys puts reads in a table of a power-of-two size at least
// four times their number, each at its keyHash or the next free slot.
func indexKeys(reads map[string]fieldRead) []keyedRead {
	size := 8
	for size < 4*len(reads) {
		size *= 2
	}
	out := make([]keyedRead, size)
	for key, f := range reads {
		i := keyHash([]byte(key), size-1)
		for out[i].key != "" {
			i = (i + 1) & (size - 1)
		}
		out[i] = keyedRead{key, f}
	}
	return out
}

// keyHash mixes a key's length and its first and last bytes.
func keyHash(k []byte, mask int) int {
	if len(k) == 0 {
		return 0
	}
	return (len(k)*31 + int(k[0])*7 + int(k[len(k)-1])) & mask
}

// field returns the read of key k, or nil.
func (p *fieldPlan) field(k []byte) *fieldRead {
	if len(k) == 0 {
		return nil
	}
	mask := len(p.fields) - 1
	for i := keyHash(k, mask); ; i = (i + 1) & mask {
		e := &p.fields[i]
		if e.key == "" {
			return nil
		}
		if e.key == string(k) {
			return &e.fieldRead
		}
	}
}

// jsonName is the key a field is read from: its json tag's name. Untagged,
// unexported, embedded and "-" fields are not read.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() || f.Anonymous {
		return "", false
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name, name != "" && name != "-"
}

// fieldOffset is the offset of the (possibly promoted) field at index in
// t; a field promoted through an embedded pointer has none (inline false)
// and is not read.
func fieldOffset(t reflect.Type, index []int) (at uintptr, inline bool) {
	for _, i := range index {
		if t.Kind() != reflect.Struct {
			return 0, false
		}
		f := t.Field(i)
		at += f.Offset
		t = f.Type
	}
	return at, true
}

// rawOffset is the offset of the raw JSON a struct keeps (an embedded
// rawJSON, at any depth of embedding by value), or -1.
func rawOffset(t reflect.Type) int {
	if t.Kind() != reflect.Struct {
		return -1
	}
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case !f.Anonymous:
		case f.Type == rawJSONType:
			return int(f.Offset)
		case f.Type.Kind() == reflect.Struct:
			if at := rawOffset(f.Type); at >= 0 {
				return int(f.Offset) + at
			}
		}
	}
	return -1
}

// readValue reads the next value of r into the value at p: through its
// readJSON, its tags, or encoding/json, keeping its bytes as its raw JSON.
func (p *fieldPlan) readValue(r *jsonx.Reader, at unsafe.Pointer) { p.read(r, at, p.object) }

// readNew reads a nullable value of p's type into a new one: anything but
// an object (or, for a stringForm, a string) is skipped and gives nil.
func (p *fieldPlan) readNew(r *jsonx.Reader) unsafe.Pointer {
	if c := r.Peek(); c != '{' && (c != '"' || !p.str) {
		r.Skip()
		return nil
	}
	v := reflect.New(p.typ).UnsafePointer()
	p.readValue(r, v)
	return v
}

// readSelf is readValue for a value decoded as itself (decodeModel): a
// struct is read by its tags even when it has an UnmarshalJSON, which is
// what called it.
func (p *fieldPlan) readSelf(r *jsonx.Reader, at unsafe.Pointer) { p.read(r, at, p.fields != nil) }

func (p *fieldPlan) read(r *jsonx.Reader, at unsafe.Pointer, byTags bool) {
	start := r.Pos()
	switch {
	case p.str && r.Peek() == '"':
		reflect.NewAt(p.typ, at).Interface().(stringForm).fromString(r.Str())
	case p.custom:
		reflect.NewAt(p.typ, at).Interface().(jsonReader).readJSON(r)
	case byTags:
		p.readObject(r, at, nil)
	default:
		decodeStd(r, p.typ, at)
	}
	if p.rawAt >= 0 {
		*(*json.RawMessage)(unsafe.Add(at, p.rawAt)) = r.Since(start)
	}
}

// readObject reads an object's members into the struct at p by its tags,
// offering each key to extra (when not nil) first.
func (p *fieldPlan) readObject(r *jsonx.Reader, at unsafe.Pointer, extra func(k []byte) bool) {
	if !r.Object() {
		return
	}
	var alts []fallbackValue
	for {
		k, more := r.Key()
		if !more {
			break
		}
		start := r.Offset()
		if extra == nil || !extra(k) {
			switch f := p.field(k); {
			case f == nil:
			case f.fallback > 0:
				v := reflect.New(f.typ)
				r.Loose(func() { f.readAt(r, v.UnsafePointer()) })
				alts = append(alts, fallbackValue{*f, v.Elem()})
			case f.kind == readString: // the commonest, without a call
				*(*string)(unsafe.Add(at, f.at)) = r.Str()
			default:
				f.readAt(r, unsafe.Add(at, f.at))
			}
		}
		if r.Offset() == start { // a value nobody read
			r.Skip()
		}
	}
	if len(alts) > 0 {
		applyFallbacks(at, alts)
	}
}

// applyFallbacks sets each field that its main key left zero from its
// preferred fallback.
func applyFallbacks(at unsafe.Pointer, alts []fallbackValue) {
	slices.SortStableFunc(alts, func(a, b fallbackValue) int { return a.fallback - b.fallback })
	for _, a := range alts {
		base := at
		if a.via > 0 { // a flat twin of a field of a nested *struct
			ptr := (*unsafe.Pointer)(unsafe.Add(at, a.via-1))
			if *ptr == nil {
				if a.v.IsZero() {
					continue
				}
				*ptr = reflect.New(a.viaType).UnsafePointer()
			}
			base = *ptr
		}
		if dst := reflect.NewAt(a.typ, unsafe.Add(base, a.at)).Elem(); dst.IsZero() {
			dst.Set(a.v)
		}
	}
}

// fallbackValue is a value read from a fallback key, applied after the
// object's main keys.
type fallbackValue struct {
	fieldRead
	v reflect.Value
}

// decodeStd reads a value with encoding/json, from its bytes: for the
// field types the plan has no read of its own.
func decodeStd(r *jsonx.Reader, t reflect.Type, at unsafe.Pointer) {
	b := r.Raw()
	if r.Err() == nil {
		r.FailType(json.Unmarshal(b, reflect.NewAt(t, at).Interface()))
	}
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	timePtrType = reflect.TypeFor[*time.Time]()
	rawMsgType  = reflect.TypeFor[json.RawMessage]()
	mapType     = reflect.TypeFor[map[string]any]()
	countsType  = reflect.TypeFor[map[string]int]()
	anyType     = reflect.TypeFor[any]()
)

// readerFor returns the read of a field of type t.
func readerFor(t reflect.Type) readFunc {
	switch t {
	case timeType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*time.Time)(p) = r.Time() }
	case timePtrType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(**time.Time)(p) = r.TimePtr() }
	case rawMsgType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*json.RawMessage)(p) = r.Raw() }
	case mapType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*map[string]any)(p) = r.Map() }
	case anyType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*any)(p) = r.Any() }
	case countsType:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*map[string]int)(p) = jsonx.MapOf(r, (*jsonx.Reader).Int) }
	}
	if read := scalarReader(t); read != nil {
		return read
	}
	switch t.Kind() {
	case reflect.Pointer:
		return pointerReader(t)
	case reflect.Slice:
		return sliceReader(t)
	}
	return modelReader(t)
}

// scalarReader returns the read of a string, integer, float or boolean
// kind (named types included, as their values share the layout), or nil.
func scalarReader(t reflect.Type) readFunc {
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*string)(p) = r.Str() }
	case reflect.Int:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*int)(p) = r.Int() }
	case reflect.Int64:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*int64)(p) = r.Int64() }
	case reflect.Float64:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*float64)(p) = r.Float() }
	case reflect.Bool:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*bool)(p) = r.Bool() }
	}
	return nil
}

// pointerReader reads a *int, *bool, *float64, *string or *int64 (null
// gives nil), and a pointer to a model as readPtr: anything but an object
// (or, for a stringForm, a string) gives nil.
func pointerReader(t reflect.Type) readFunc {
	switch t.Elem().Kind() {
	case reflect.Int:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(**int)(p) = r.IntPtr() }
	case reflect.Bool:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(**bool)(p) = r.BoolPtr() }
	case reflect.Float64:
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(**float64)(p) = r.FloatPtr() }
	case reflect.String:
		return nullable(func(r *jsonx.Reader, p unsafe.Pointer) { *(**string)(p) = Ptr(r.Str()) })
	case reflect.Int64:
		return nullable(func(r *jsonx.Reader, p unsafe.Pointer) { *(**int64)(p) = Ptr(r.Int64()) })
	case reflect.Struct:
		plan := lazyPlan{t: t.Elem()}
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*unsafe.Pointer)(p) = plan.get().readNew(r) }
	}
	return modelReader(t)
}

// nullable reads null as a nil pointer, and anything else with read.
func nullable(read readFunc) readFunc {
	return func(r *jsonx.Reader, p unsafe.Pointer) {
		if r.Null() {
			*(*unsafe.Pointer)(p) = nil
			return
		}
		read(r, p)
	}
}

// sliceReader reads a []string as r.Strings, and a list of anything else
// as readList: null or another type gives nil, [] an empty list.
func sliceReader(t reflect.Type) readFunc {
	if t == reflect.TypeFor[[]string]() {
		return func(r *jsonx.Reader, p unsafe.Pointer) { *(*[]string)(p) = r.Strings() }
	}
	if t.Elem().Kind() == reflect.Uint8 {
		return modelReader(t) // bytes: base64, as encoding/json has them
	}
	read := readerFor(t.Elem())
	return func(r *jsonx.Reader, p unsafe.Pointer) {
		list := reflect.NewAt(t, p).Elem()
		if !r.Array() {
			list.SetZero()
			return
		}
		list.Set(reflect.MakeSlice(t, 0, 0))
		for n := 0; r.More(); n++ {
			list.Grow(1)
			list.SetLen(n + 1)
			read(r, list.Index(n).Addr().UnsafePointer())
		}
	}
}

// modelReader reads a nested value through its type's plan.
func modelReader(t reflect.Type) readFunc {
	plan := lazyPlan{t: t}
	return func(r *jsonx.Reader, p unsafe.Pointer) { plan.get().readValue(r, p) }
}

// lazyPlan is a field type's plan, looked up when first needed (a type may
// contain itself, so it cannot be made with its container's) and kept.
type lazyPlan struct {
	t    reflect.Type
	plan atomic.Pointer[fieldPlan]
}

func (l *lazyPlan) get() *fieldPlan {
	p := l.plan.Load()
	if p == nil {
		p = planOf(l.t)
		l.plan.Store(p)
	}
	return p
}
