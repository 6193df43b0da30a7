package templates

import (
	"encoding/json"
)

// datePattern is the JSON Schema pattern of a date the templates read
// ("2020-06-30" or "30/6/2020"); partial adds a draft's "2020-06", "2020".
const (
	datePattern        = `^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$`
	partialDatePattern = `^([0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?|(([0-9]{1,2}/)?[0-9]{1,2}/)?[0-9]{4})$`
)

// Schema returns template name's declared fields as a JSON Schema (draft
// 2020-12) of its data: titles are the Vietnamese labels, descriptions
// the help, unknown keys refused (additionalProperties: false), for
// editors and web forms to validate and complete data files.
func Schema(name string) ([]byte, error) {
	fs, err := Fields(name)
	if err != nil {
		return nil, err
	}
	s := objectSchema(fs)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://github.com/bhytdoc/bhytdoc/templates/" + name + ".schema.json"
	s["title"] = name
	return json.MarshalIndent(s, "", "  ")
}

func objectSchema(fs []Field) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, f := range fs {
		props[f.Name] = fieldSchema(f)
		if f.Required {
			required = append(required, f.Name)
		}
	}
	return map[string]any{"type": "object", "properties": props, "required": required, "additionalProperties": false}
}

func fieldSchema(f Field) map[string]any {
	var s map[string]any
	switch f.Type {
	case TypeText:
		s = map[string]any{"type": "string"}
	case TypeInt:
		s = map[string]any{"type": "integer"}
	case TypeNumber:
		s = map[string]any{"type": "number"}
	case TypeBool:
		s = map[string]any{"type": "boolean"}
	case TypeDate:
		p := datePattern
		if f.Partial {
			p = partialDatePattern
		}
		s = map[string]any{"type": "string", "pattern": p}
	case TypeList:
		s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	case TypeObject:
		s = objectSchema(f.Fields)
	case TypeObjects:
		s = map[string]any{"type": "array", "items": objectSchema(f.Fields)}
	}
	s["title"] = f.Label
	s["description"] = f.Help
	if f.Example != nil {
		s["examples"] = []any{f.Example}
	}
	if !f.Required && f.Type != TypeObject {
		s["default"] = defaultOf(f)
	}
	return s
}
