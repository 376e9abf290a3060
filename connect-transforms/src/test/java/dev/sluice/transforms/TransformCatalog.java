package dev.sluice.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every transform and predicate of Apache's connect-transforms 4.3.1 with the configurations the
 * differential test runs it with: valid ones (each then applied to many records) and invalid ones
 * (which must be refused at configure time with the same exception class). Configurations refer to
 * the field names of {@link RecordGenerator}'s catalogue and of {@link HandWrittenRecords}.
 */
final class TransformCatalog {

    static final String PACKAGE = "org.apache.kafka.connect.transforms.";

    /**
     * One transform or predicate class.
     *
     * @param className the fully qualified class name
     * @param predicate true for a predicate (tested with {@code test}, not {@code apply})
     * @param configs the configurations, each valid or not, by label
     */
    record Subject(String className, boolean predicate, Map<String, Map<String, String>> configs) {
        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    private TransformCatalog() {
    }

    /** Every subject, {@code $Key} and {@code $Value} variants separately. */
    static List<Subject> all() {
        List<Subject> all = new ArrayList<>();
        variants(all, "Cast", cast());
        single(all, "DropHeaders", dropHeaders());
        variants(all, "ExtractField", extractField());
        single(all, "Filter", new Configs().add("no config").build());
        variants(all, "Flatten", flatten());
        variants(all, "HeaderFrom", headerFrom());
        variants(all, "HoistField", hoistField());
        variants(all, "InsertField", insertField());
        single(all, "InsertHeader", insertHeader());
        variants(all, "MaskField", maskField());
        single(all, "RegexRouter", regexRouter());
        variants(all, "ReplaceField", replaceField());
        variants(all, "SetSchemaMetadata", setSchemaMetadata());
        variants(all, "TimestampConverter", timestampConverter());
        single(all, "TimestampRouter", timestampRouter());
        single(all, "ValueToKey", valueToKey());
        predicate(all, "HasHeaderKey", new Configs()
            .add("h1", "name", "h1")
            .add("dup", "name", "dup")
            .add("unicode", "name", "\u00e9")
            .add("empty name (invalid)", "name", "")
            .add("missing name (invalid)")
            .build());
        predicate(all, "RecordIsTombstone", new Configs().add("no config").build());
        predicate(all, "TopicNameMatches", new Configs()
            .add("orders prefix", "pattern", "orders.*")
            .add("exact x", "pattern", "x")
            .add("any", "pattern", ".*")
            .add("unicode class", "pattern", "t\\p{L}pico-.*")
            .add("case-insensitive", "pattern", "(?i)orders")
            .add("invalid regex (invalid)", "pattern", "[")
            .add("empty pattern (invalid)", "pattern", "")
            .add("missing pattern (invalid)")
            .build());
        return all;
    }

    private static void variants(List<Subject> all, String name, Map<String, Map<String, String>> configs) {
        all.add(new Subject(PACKAGE + name + "$Key", false, configs));
        all.add(new Subject(PACKAGE + name + "$Value", false, configs));
    }

    private static void single(List<Subject> all, String name, Map<String, Map<String, String>> configs) {
        all.add(new Subject(PACKAGE + name, false, configs));
    }

    private static void predicate(List<Subject> all, String name, Map<String, Map<String, String>> configs) {
        all.add(new Subject(PACKAGE + "predicates." + name, true, configs));
    }

    /** Builds an ordered table of configurations by label. */
    static final class Configs {
        private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();

        /** Adds a configuration: its label followed by alternating property names and values. */
        Configs add(String label, String... keysAndValues) {
            if (keysAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("odd number of keys and values in configuration " + label);
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                config.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            if (configs.put(label, config) != null) {
                throw new IllegalArgumentException("duplicate configuration label " + label);
            }
            return this;
        }

        Map<String, Map<String, String>> build() {
            return configs;
        }
    }

    private static Map<String, Map<String, String>> cast() {
        return new Configs()
            .add("whole int8", "spec", "int8")
            .add("whole int16", "spec", "int16")
            .add("whole int32", "spec", "int32")
            .add("whole int64", "spec", "int64")
            .add("whole float32", "spec", "float32")
            .add("whole float64", "spec", "float64")
            .add("whole boolean", "spec", "boolean")
            .add("whole string", "spec", "string")
            .add("whole string no null default", "spec", "string", "replace.null.with.default", "false")
            .add("numbers to string", "spec", "i8:string,i16:string,i32:string,i64:string,f32:string,f64:string")
            .add("narrowing", "spec", "i16:int8,i32:int16,i64:int32,f64:float32,f32:int64")
            .add("floats to ints", "spec", "f32:int32,f64:int64")
            .add("widening", "spec", "i8:int64,i16:float64,i32:float32,i64:float64")
            .add("booleans", "spec", "bool:int32,i32:boolean,f64:boolean,str:boolean")
            .add("strings to numbers", "spec", "str:int32,ts_str:int64")
            .add("strings to floats", "spec", "str:float64,ts_str:float32")
            .add("string to int8", "spec", "str:int8")
            .add("logical to string", "spec", "dec:string,date:string,time:string,ts:string")
            .add("decimal to numbers", "spec", "dec:float64")
            .add("decimal to int", "spec", "dec:int32")
            .add("timestamp to int64", "spec", "ts:int64")
            .add("bytes to string", "spec", "bytes:string")
            .add("containers to string", "spec", "nested:string,arr:string,map:string")
            .add("dotted name", "spec", "nested.i32:string")
            .add("spaces around", "spec", " i32 : string , str : int64 ")
            .add("upper-case type", "spec", "i32:STRING")
            .add("no null default", "spec", "i16:string,i32:string,f64:int32,str:int32",
                "replace.null.with.default", "false")
            .add("unknown field", "spec", "nope:int32")
            .add("everything numeric to int8", "spec", numericTo("int8"))
            .add("everything numeric to int16", "spec", numericTo("int16"))
            .add("everything numeric to int32", "spec", numericTo("int32"))
            .add("everything numeric to int64", "spec", numericTo("int64"))
            .add("everything numeric to float32", "spec", numericTo("float32"))
            .add("everything numeric to float64", "spec", numericTo("float64"))
            .add("everything numeric to boolean", "spec", numericTo("boolean"))
            .add("everything numeric to string", "spec", numericTo("string"))
            .add("string to int16", "spec", "str:int16")
            .add("string to int64", "spec", "str:int64")
            .add("string to float32", "spec", "str:float32")
            .add("string to string", "spec", "str:string,ts_str:string")
            .add("logical to int32", "spec", "date:int32,time:int32,ts:int32")
            .add("logical to int64", "spec", "date:int64,time:int64,ts:int64")
            .add("logical to float64", "spec", "date:float64,time:float64,ts:float64")
            .add("logical to boolean", "spec", "date:boolean,time:boolean,ts:boolean,dec:boolean")
            .add("empty spec (invalid)", "spec", "")
            .add("unknown type (invalid)", "spec", "i32:foo")
            .add("bytes target (invalid)", "spec", "i32:bytes")
            .add("struct target (invalid)", "spec", "struct")
            .add("too many colons (invalid)", "spec", "i32:int8:int16")
            .add("two whole types (invalid)", "spec", "int8,int16")
            .add("whole and field (invalid)", "spec", "int8,i32:int16")
            .add("bad boolean (invalid)", "spec", "int8", "replace.null.with.default", "maybe")
            .add("colon only (invalid)", "spec", ":")
            .add("double colon (invalid)", "spec", "::")
            .add("colon-only entry after a valid one (invalid)", "spec", "i32:int8, : ")
            .add("empty field name", "spec", ":int8")
            .add("missing type (invalid)", "spec", "i32:")
            .add("missing spec (invalid)")
            .build();
    }

    /** A Cast spec that casts every numeric, boolean and decimal field of the catalogue to one type. */
    private static String numericTo(String type) {
        StringBuilder spec = new StringBuilder();
        for (String field : new String[]{"i8", "i16", "i32", "i64", "f32", "f64", "bool", "dec", "ts_long"}) {
            spec.append(spec.length() == 0 ? "" : ",").append(field).append(':').append(type);
        }
        return spec.toString();
    }

    private static Map<String, Map<String, String>> dropHeaders() {
        return new Configs()
            .add("one header", "headers", "h1")
            .add("several with missing", "headers", "h1,dup,missing,\u00e9")
            .add("spaces around", "headers", " h1 , h2 ")
            .add("empty list (invalid)", "headers", "")
            .add("missing headers (invalid)")
            .build();
    }

    private static Map<String, Map<String, String>> extractField() {
        return new Configs()
            .add("primitive", "field", "i32")
            .add("string", "field", "str")
            .add("struct", "field", "nested")
            .add("array", "field", "arr")
            .add("map", "field", "map")
            .add("logical", "field", "ts")
            .add("defaulted no replace", "field", "i16", "replace.null.with.default", "false")
            .add("defaulted replace", "field", "i16", "replace.null.with.default", "true")
            .add("absent", "field", "nope")
            .add("dotted V1", "field", "nested.i32")
            .add("dotted V2", "field", "nested.i32", "field.syntax.version", "V2")
            .add("deep V2", "field", "nested.nested.str", "field.syntax.version", "V2")
            .add("backticks V2", "field", "`nested`.`i32`", "field.syntax.version", "V2")
            .add("literal dot V2", "field", "`a.b`", "field.syntax.version", "V2")
            .add("lower-case v2", "field", "nested.ts", "field.syntax.version", "v2")
            .add("V2 absent", "field", "nested.nope", "field.syntax.version", "V2")
            .add("V2 no replace", "field", "nested.i16",
                "field.syntax.version", "V2", "replace.null.with.default", "false")
            .add("V2 no replace through a defaulted struct", "field", "nested.str", "field.syntax.version", "V2",
                "replace.null.with.default", "false")
            .add("V2 through map", "field", "map.k", "field.syntax.version", "V2")
            .add("empty field", "field", "")
            .add("literal dotted name V2", "field", "`nested.i32`", "field.syntax.version", "V2")
            .add("mixed quoting V2", "field", "nested.`i32`", "field.syntax.version", "V2")
            .add("empty segment V2", "field", "nested..i32", "field.syntax.version", "V2")
            .add("trailing dot V2", "field", "nested.", "field.syntax.version", "V2")
            .add("leading dot V2", "field", ".nested", "field.syntax.version", "V2")
            .add("empty quotes V2", "field", "``", "field.syntax.version", "V2")
            .add("escaped backtick V2", "field", "`a\\`b`", "field.syntax.version", "V2")
            .add("backtick inside V2", "field", "ne`sted.i32", "field.syntax.version", "V2")
            .add("quoted then text V2 (invalid)", "field", "`nested`x.i32", "field.syntax.version", "V2")
            .add("three levels V2", "field", "nested.nested.nested", "field.syntax.version", "V2")
            .add("spaces V2", "field", " nested . i32 ", "field.syntax.version", "V2")
            .add("unclosed backtick V2 (invalid)", "field", "`nested.i32", "field.syntax.version", "V2")
            .add("unknown version (invalid)", "field", "i32", "field.syntax.version", "V3")
            .add("missing field (invalid)")
            .build();
    }

    private static Map<String, Map<String, String>> flatten() {
        return new Configs()
            .add("default delimiter", "delimiter", ".")
            .add("no config")
            .add("underscore", "delimiter", "_")
            .add("empty delimiter", "delimiter", "")
            .add("unicode delimiter", "delimiter", "\u2192")
            .build();
    }

    private static Map<String, Map<String, String>> headerFrom() {
        return new Configs()
            .add("copy one", "fields", "i32", "headers", "h_i32", "operation", "copy")
            .add("move one", "fields", "i32", "headers", "h_i32", "operation", "move")
            .add("copy several", "fields", "str,nested,ts,dec",
                "headers", "h_str,h_nested,h_ts,h_dec", "operation", "copy")
            .add("move several", "fields", "str,nested,ts,arr", "headers", "h1,h2,h1,h3", "operation", "move")
            .add("move defaulted", "fields", "i16,bool", "headers", "h16,hb", "operation", "move")
            .add("copy no replace", "fields", "i16,bool,f32",
                "headers", "h16,hb,hf", "operation", "copy", "replace.null.with.default", "false")
            .add("move no replace", "fields", "i16,bool,f32",
                "headers", "h16,hb,hf", "operation", "move", "replace.null.with.default", "false")
            .add("absent field", "fields", "nope", "headers", "h", "operation", "copy")
            .add("absent field move", "fields", "nope,i32", "headers", "h,hi", "operation", "move")
            .add("same field twice", "fields", "i32,i32", "headers", "a,b", "operation", "move")
            .add("count mismatch (invalid)", "fields", "i32,str", "headers", "h", "operation", "copy")
            .add("empty fields (invalid)", "fields", "", "headers", "h", "operation", "copy")
            .add("upper-case operation (invalid)", "fields", "i32", "headers", "h", "operation", "MOVE")
            .add("unknown operation (invalid)", "fields", "i32", "headers", "h", "operation", "rename")
            .add("missing operation (invalid)", "fields", "i32", "headers", "h")
            .build();
    }

    private static Map<String, Map<String, String>> hoistField() {
        return new Configs()
            .add("plain", "field", "wrapped")
            .add("catalogue name", "field", "i32")
            .add("dotted", "field", "a.b")
            .add("empty name", "field", "")
            .add("missing field (invalid)")
            .build();
    }

    private static Map<String, Map<String, String>> insertField() {
        return new Configs()
            .add("topic", "topic.field", "t")
            .add("topic required", "topic.field", "t!")
            .add("topic optional", "topic.field", "t?")
            .add("partition", "partition.field", "p")
            .add("partition required", "partition.field", "p!")
            .add("offset", "offset.field", "o")
            .add("offset required", "offset.field", "o!")
            .add("timestamp", "timestamp.field", "when")
            .add("timestamp required", "timestamp.field", "when!")
            .add("static", "static.field", "s", "static.value", "v")
            .add("static required", "static.field", "s!", "static.value", "v")
            .add("static without value (invalid)", "static.field", "s")
            .add("all", "topic.field", "t",
                "partition.field", "p", "offset.field", "o", "timestamp.field", "when", "static.field", "s",
                "static.value", "\u00e9")
            .add("all but offset", "topic.field", "t",
                "partition.field", "p!", "timestamp.field", "when?", "static.field", "s", "static.value", "v")
            .add("existing field name", "topic.field", "i32")
            .add("no replace", "topic.field", "t", "replace.null.with.default", "false")
            .add("nothing (invalid)")
            .add("empty names", "topic.field", "", "static.field", "", "static.value", "v")
            .build();
    }

    private static Map<String, Map<String, String>> insertHeader() {
        return new Configs()
            .add("integer", "header", "h", "value.literal", "42")
            .add("string", "header", "h1", "value.literal", "hello world")
            .add("boolean", "header", "h", "value.literal", "true")
            .add("float", "header", "h", "value.literal", "1.5")
            .add("big integer", "header", "h", "value.literal", "9223372036854775808")
            .add("array", "header", "h", "value.literal", "[1,2,3]")
            .add("map", "header", "h", "value.literal", "{\"a\":1,\"b\":2}")
            .add("date", "header", "h", "value.literal", "2024-02-29")
            .add("timestamp", "header", "h", "value.literal", "2024-02-29T13:45:00.123Z")
            .add("empty literal", "header", "h", "value.literal", "")
            .add("null literal", "header", "h", "value.literal", "null")
            .add("unicode", "header", "\u00e9", "value.literal", "\u65e5\u672c")
            .add("existing key", "header", "dup", "value.literal", "x")
            .add("missing header (invalid)", "value.literal", "x")
            .add("missing literal (invalid)", "header", "h")
            .build();
    }

    private static Map<String, Map<String, String>> maskField() {
        return new Configs()
            .add("numbers", "fields", "i8,i16,i32,i64,f32,f64")
            .add("others", "fields", "bool,str,bytes,dec,date,time,ts")
            .add("containers", "fields", "nested,arr,map")
            .add("absent", "fields", "nope")
            .add("replacement text", "fields", "str,ts_str", "replacement", "***")
            .add("replacement number", "fields", "i8,i16,i32,i64,f32,f64,dec", "replacement", "12")
            .add("replacement decimal", "fields", "f64,dec,i32", "replacement", "1.5")
            .add("replacement on boolean", "fields", "bool", "replacement", "true")
            .add("replacement on date", "fields", "ts,date", "replacement", "x")
            .add("replacement too big", "fields", "i8", "replacement", "300")
            .add("replacement zero everywhere", "fields", "i8,i16,i32,i64,f32,f64,bool,str,dec,ts_long,ts_str",
                "replacement", "0")
            .add("replacement negative fraction", "fields", "f32,f64,dec,i64", "replacement", "-1.5")
            .add("replacement text on number", "fields", "i32", "replacement", "abc")
            .add("no replace", "fields", "i16,i32,str", "replace.null.with.default", "false")
            .add("empty replacement (invalid)", "fields", "str", "replacement", "")
            .add("missing fields (invalid)")
            .build();
    }

    private static Map<String, Map<String, String>> regexRouter() {
        return new Configs()
            .add("prefix", "regex", "(.*)", "replacement", "prefix-$1")
            .add("strip year", "regex", "orders-(\\d+)", "replacement", "o$1")
            .add("no match", "regex", "nomatch", "replacement", "x")
            .add("to empty", "regex", ".*", "replacement", "")
            .add("literal dollar", "regex", "(.*)", "replacement", "\\$1")
            .add("unicode", "regex", "t(\\p{L})pico-(.*)", "replacement", "$2$1")
            .add("missing group", "regex", "(.*)", "replacement", "$2")
            .add("invalid regex (invalid)", "regex", "[", "replacement", "x")
            .add("missing replacement (invalid)", "regex", "x")
            .add("missing regex (invalid)", "replacement", "x")
            .build();
    }

    private static Map<String, Map<String, String>> replaceField() {
        return new Configs()
            .add("exclude", "exclude", "i32,str,nope")
            .add("include", "include", "i32,nested,ts")
            .add("rename", "renames", "i32:int32,str:string")
            .add("include and exclude", "include", "i32,str,ts", "exclude", "str")
            .add("include rename", "include", "i32,str", "renames", "i32:x")
            .add("rename to existing", "renames", "i32:str")
            .add("rename swap", "renames", "i32:str,str:i32")
            .add("rename dotted", "renames", "nested.i32:x")
            .add("spaces", "exclude", " i32 , str ")
            .add("no replace", "exclude", "str", "replace.null.with.default", "false")
            .add("nothing")
            .add("rename without colon (invalid)", "renames", "i32")
            .add("rename three parts (invalid)", "renames", "a:b:c")
            .build();
    }

    private static Map<String, Map<String, String>> setSchemaMetadata() {
        return new Configs()
            .add("name", "schema.name", "com.example.Renamed")
            .add("version", "schema.version", "7")
            .add("both", "schema.name", "com.example.Renamed", "schema.version", "3")
            .add("logical name", "schema.name", "org.apache.kafka.connect.data.Timestamp")
            .add("empty name", "schema.name", "")
            .add("nothing (invalid)")
            .add("no replace", "schema.name", "n", "replace.null.with.default", "false")
            .add("negative version", "schema.version", "-1")
            .add("bad version (invalid)", "schema.version", "abc")
            .build();
    }

    private static Map<String, Map<String, String>> timestampConverter() {
        String format = "yyyy-MM-dd HH:mm:ss.SSS";
        return new Configs()
            .add("whole to string", "target.type", "string", "format", format)
            .add("whole to unix", "target.type", "unix")
            .add("whole to Date", "target.type", "Date")
            .add("whole to Time", "target.type", "Time")
            .add("whole to Timestamp", "target.type", "Timestamp")
            .add("whole to Timestamp with format", "target.type", "Timestamp", "format", format)
            .add("whole to unix seconds", "target.type", "unix", "unix.precision", "seconds")
            .add("whole to unix micros", "target.type", "unix", "unix.precision", "microseconds")
            .add("whole to Timestamp from nanos", "target.type", "Timestamp", "unix.precision", "nanoseconds")
            .add("ts to string", "field", "ts", "target.type", "string", "format", "yyyy-MM-dd'T'HH:mm:ssXXX")
            .add("ts to unix", "field", "ts", "target.type", "unix")
            .add("ts to Date", "field", "ts", "target.type", "Date")
            .add("ts to Time", "field", "ts", "target.type", "Time")
            .add("ts to unix nanos", "field", "ts", "target.type", "unix", "unix.precision", "nanoseconds")
            .add("ts_long to Timestamp", "field", "ts_long", "target.type", "Timestamp")
            .add("ts_long to unix seconds", "field", "ts_long", "target.type", "unix", "unix.precision", "seconds")
            .add("ts_long nanos to string", "field", "ts_long", "target.type", "string", "format", format,
                "unix.precision", "nanoseconds")
            .add("ts to Timestamp", "field", "ts", "target.type", "Timestamp")
            .add("date to Date", "field", "date", "target.type", "Date")
            .add("time to Time", "field", "time", "target.type", "Time")
            .add("ts_str to string", "field", "ts_str", "target.type", "string", "format", format)
            .add("ts_long to string", "field", "ts_long", "target.type", "string", "format", format)
            .add("ts_long micros to Timestamp", "field", "ts_long",
                "target.type", "Timestamp", "unix.precision", "microseconds")
            .add("ts_long seconds to Date", "field", "ts_long", "target.type", "Date", "unix.precision", "seconds")
            .add("ts_str to Timestamp", "field", "ts_str", "target.type", "Timestamp", "format", format)
            .add("ts_str to unix", "field", "ts_str", "target.type", "unix", "format", format)
            .add("ts_str day to Date", "field", "ts_str", "target.type", "Date", "format", "yyyy-MM-dd")
            .add("date to Timestamp", "field", "date", "target.type", "Timestamp")
            .add("date to string", "field", "date", "target.type", "string", "format", "dd/MM/yyyy")
            .add("time to unix", "field", "time", "target.type", "unix")
            .add("i32 to Timestamp", "field", "i32", "target.type", "Timestamp")
            .add("str without format", "field", "ts_str", "target.type", "Timestamp")
            .add("absent field", "field", "nope", "target.type", "Timestamp")
            .add("dotted field", "field", "nested.ts", "target.type", "unix")
            .add("no replace", "field", "ts", "target.type", "unix", "replace.null.with.default", "false")
            .add("to string without format (invalid)", "field", "ts", "target.type", "string")
            .add("unknown target (invalid)", "target.type", "timestamp")
            .add("bad format (invalid)", "target.type", "string", "format", "yyyy-MM-ddTHH")
            .add("bad precision (invalid)", "target.type", "unix", "unix.precision", "minutes")
            .add("missing target (invalid)", "field", "ts")
            .build();
    }

    private static Map<String, Map<String, String>> timestampRouter() {
        return new Configs()
            .add("no config")
            .add("custom", "topic.format", "${topic}_${timestamp}", "timestamp.format", "yyyy-MM-dd HH")
            .add("timestamp only", "topic.format", "${timestamp}", "timestamp.format", "G yyyy")
            .add("no placeholders", "topic.format", "static")
            .add("repeated placeholders", "topic.format", "${topic}${topic}-${timestamp}${timestamp}")
            .add("quoted format", "timestamp.format", "'day'D")
            .add("bad format failing at apply", "timestamp.format", "yyyyT")
            .build();
    }

    private static Map<String, Map<String, String>> valueToKey() {
        return new Configs()
            .add("one", "fields", "i32")
            .add("several", "fields", "str,i32,ts,dec")
            .add("struct", "fields", "nested")
            .add("defaulted", "fields", "i16,bool")
            .add("absent", "fields", "nope")
            .add("repeated", "fields", "i32,i32")
            .add("no replace", "fields", "i16,bool", "replace.null.with.default", "false")
            .add("empty fields (invalid)", "fields", "")
            .add("missing fields (invalid)")
            .build();
    }
}
