// Package jsonsafe writes JSON that never fails on a non-finite number.
// encoding/json refuses NaN and ±Inf ("json: unsupported value"), so one
// undefined metric would lose a whole report; here they become null, which
// every JSON reader takes for "no value", and everything else is encoded
// exactly as encoding/json does.
package jsonsafe

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
)

// Encode writes v to w exactly as a json.Encoder with SetIndent("", indent)
// does, except that NaN and ±Inf are written as null instead of failing.
func Encode(w io.Writer, v any, indent string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", indent)
	err := enc.Encode(v)
	var unsupported *json.UnsupportedValueError
	if err == nil || !errors.As(err, &unsupported) {
		if err != nil {
			return err
		}
		_, err = w.Write(buf.Bytes())
		return err
	}
	raw, err := appendValue(nil, reflect.ValueOf(v))
	if err != nil {
		return err
	}
	buf.Reset()
	if err := json.Indent(&buf, raw, "", indent); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// appendValue encodes v as encoding/json would, with non-finite floats as
// null. Types with their own marshalers are left to encoding/json.
func appendValue(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() {
		return append(b, "null"...), nil
	}
	t := v.Type()
	if t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		(v.CanAddr() && (reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType))) {
		return appendLeaf(b, v)
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return append(b, "null"...), nil
		}
		return appendLeaf(b, v)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return appendValue(b, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return appendLeaf(b, v)
		}
		fallthrough
	case reflect.Array:
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendValue(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case reflect.Map:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		// encoding/json sorts keys; marshal each value, then let it order them.
		m := make(map[string]json.RawMessage, v.Len())
		iter := v.MapRange()
		for iter.Next() {
			kb, err := json.Marshal(iter.Key().Interface())
			if err != nil {
				return nil, err
			}
			var key string
			if err := json.Unmarshal(kb, &key); err != nil {
				key = strings.Trim(string(kb), `"`)
			}
			vb, err := appendValue(nil, iter.Value())
			if err != nil {
				return nil, err
			}
			m[key] = vb
		}
		out, err := json.Marshal(m)
		return append(b, out...), err
	case reflect.Struct:
		return appendStruct(b, v)
	}
	return appendLeaf(b, v)
}

func appendLeaf(b []byte, v reflect.Value) ([]byte, error) {
	out, err := json.Marshal(v.Interface())
	return append(b, out...), err
}

// appendStruct follows encoding/json's field rules for the common cases:
// json tag names, "-", omitempty, and embedded structs flattened.
func appendStruct(b []byte, v reflect.Value) ([]byte, error) {
	b = append(b, '{')
	first := true
	var walk func(v reflect.Value) error
	walk = func(v reflect.Value) error {
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			fv := v.Field(i)
			if f.Anonymous && name == "" {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					if fv.IsNil() {
						continue
					}
					fv, ft = fv.Elem(), ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					if err := walk(fv); err != nil {
						return err
					}
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if strings.Contains(","+opts+",", ",omitempty,") && isEmpty(fv) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			kb, _ := json.Marshal(name)
			b = append(b, kb...)
			b = append(b, ':')
			var err error
			if b, err = appendValue(b, fv); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(v); err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// isEmpty is encoding/json's notion of empty for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
