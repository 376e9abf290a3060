package dev.sluice.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** JSON texts that are malformed, or well-formed but wrong for the converter, for the differential test. */
final class MalformedInputs {

    private MalformedInputs() {
    }

    static List<String> all() {
        List<String> inputs = new ArrayList<>(List.of(
            // not JSON, or not all of it
            "", " ", "\n", "x", "{", "[", "{\"schema\":", "{\"schema\":{\"type\":\"int32\"},\"payload\":",
            "{\"schema\":{\"type\":\"int32\"},\"payload\":1", "{\"schema\":{\"type\":\"int32\"},\"payload\":1,}",
            "{\"schema\":{\"type\":\"int32\"} \"payload\":1}", "{'schema':null,'payload':1}", "[1,2", "[1,]", "\"abc",
            "\"a\\qb\"", "\"tab\there\"", "tru", "nul", "01", "1.", "-", "1e", "+1", "NaN", "Infinity", "0x10",
            "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{1:2}", "[1 2]", "}", "]", "{]", "[}",
            "{\"schema\":null,\"payload\":1e2147483648}", "{\"schema\":null,\"payload\":[1, 2e999999999999]}",
            "{\"schema\":null,\"payload\":1} trailing", "{\"schema\":null,\"payload\":1}}", "1 2", "null null",
            "{\"schema\":{\"type\":\"int32\",\"default\":1e2147483648},\"payload\":1}",
            // envelope problems
            "null", "1", "\"s\"", "[]", "{}", "{\"schema\":null}", "{\"payload\":1}",
            "{\"schema\":null,\"payload\":1,\"extra\":2}", "{\"schema\":null,\"payload\":1,\"schema\":null}",
            "{\"payload\":1,\"schema\":null}", "{\"Schema\":null,\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\"},\"payload\":1,\"payload\":\"x\"}",
            "{\"schema\":{\"type\":\"string\"},\"payload\":\"x\",\"schema\":{\"type\":\"int32\"}}",
            "{\"schema\":{\"type\":\"bogus\"},\"payload\":1,\"extra\":0}",
            // schema problems
            "{\"schema\":{},\"payload\":1}", "{\"schema\":1,\"payload\":1}", "{\"schema\":\"int32\",\"payload\":1}",
            "{\"schema\":[],\"payload\":1}", "{\"schema\":{\"type\":1},\"payload\":1}",
            "{\"schema\":{\"type\":\"INT32\"},\"payload\":1}", "{\"schema\":{\"type\":\"bogus\"},\"payload\":1}",
            "{\"schema\":{\"type\":\"array\"},\"payload\":[]}", "{\"schema\":{\"type\":\"array\",\"items\":null},\"payload\":[]}",
            "{\"schema\":{\"type\":\"array\",\"items\":{}},\"payload\":[]}",
            "{\"schema\":{\"type\":\"map\",\"values\":{\"type\":\"int32\"}},\"payload\":{}}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"}},\"payload\":{}}",
            "{\"schema\":{\"type\":\"map\",\"keys\":null,\"values\":{\"type\":\"int32\"}},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\"},\"payload\":{}}", "{\"schema\":{\"type\":\"struct\",\"fields\":{}},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\"}]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":1}]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[1]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"},{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"int32\",\"parameters\":{\"a\":1}},\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\",\"parameters\":[]},\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\",\"optional\":\"true\",\"name\":1,\"version\":\"1\",\"doc\":2},\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\",\"version\":1.5},\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\",\"version\":12345678901},\"payload\":1}",
            "{\"schema\":{\"type\":\"int32\",\"default\":null},\"payload\":null}",
            "{\"schema\":{\"type\":\"int32\",\"optional\":true,\"default\":null},\"payload\":null}",
            "{\"schema\":{\"type\":\"int32\",\"default\":\"x\"},\"payload\":null}",
            "{\"schema\":{\"type\":\"int8\",\"default\":300},\"payload\":null}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}],\"default\":{\"a\":1}},\"payload\":null}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\"},\"payload\":\"AQ==\"}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"x\"}},\"payload\":\"AQ==\"}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":true}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":\"!!\"}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":1.505}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":12345678901234567890}",
            "{\"schema\":{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},\"payload\":[]}",
            "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},\"payload\":1.0}",
            "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},\"payload\":12345678901}",
            "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},\"payload\":\"1\"}",
            "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Time\"},\"payload\":-5}",
            "{\"schema\":{\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Time\"},\"payload\":{}}",
            "{\"schema\":{\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"},\"payload\":1.5}",
            "{\"schema\":{\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"},\"payload\":123456789012345678901234567890}",
            "{\"schema\":{\"type\":\"int64\",\"name\":\"org.apache.kafka.connect.data.Timestamp\"},\"payload\":\"x\"}",
            // payload does not match the schema
            "{\"schema\":{\"type\":\"int32\"},\"payload\":null}", "{\"schema\":{\"type\":\"int32\"},\"payload\":\"1\"}",
            "{\"schema\":{\"type\":\"int32\"},\"payload\":[1]}", "{\"schema\":{\"type\":\"int32\"},\"payload\":{\"a\":1}}",
            "{\"schema\":{\"type\":\"int32\"},\"payload\":1e20}", "{\"schema\":{\"type\":\"int32\"},\"payload\":-1.9}",
            "{\"schema\":{\"type\":\"int8\"},\"payload\":1000}", "{\"schema\":{\"type\":\"int16\"},\"payload\":12345678901234567890}",
            "{\"schema\":{\"type\":\"int64\"},\"payload\":12345678901234567890123}", "{\"schema\":{\"type\":\"int64\"},\"payload\":1.5e300}",
            "{\"schema\":{\"type\":\"float\"},\"payload\":1e39}", "{\"schema\":{\"type\":\"float\"},\"payload\":0.1}",
            "{\"schema\":{\"type\":\"float\"},\"payload\":16777217}", "{\"schema\":{\"type\":\"double\"},\"payload\":-0.0}",
            "{\"schema\":{\"type\":\"double\"},\"payload\":1e-400}", "{\"schema\":{\"type\":\"double\"},\"payload\":123456789012345678901234567890}",
            "{\"schema\":{\"type\":\"double\"},\"payload\":\"NaN\"}", "{\"schema\":{\"type\":\"boolean\"},\"payload\":\"true\"}",
            "{\"schema\":{\"type\":\"boolean\"},\"payload\":1}", "{\"schema\":{\"type\":\"string\"},\"payload\":1}",
            "{\"schema\":{\"type\":\"string\"},\"payload\":[\"a\"]}", "{\"schema\":{\"type\":\"bytes\"},\"payload\":1}",
            "{\"schema\":{\"type\":\"bytes\"},\"payload\":\"AQ\"}", "{\"schema\":{\"type\":\"bytes\"},\"payload\":\"A Q = =\"}",
            "{\"schema\":{\"type\":\"bytes\"},\"payload\":\"AQ==\\n\"}", "{\"schema\":{\"type\":\"bytes\"},\"payload\":\"*\"}",
            "{\"schema\":{\"type\":\"bytes\"},\"payload\":\"\"}",
            "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\"}},\"payload\":7}",
            "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\"}},\"payload\":{\"a\":1,\"b\":\"x\",\"a\":3}}",
            "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\"}},\"payload\":[1,null,3]}",
            "{\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"int32\"}},\"payload\":[1,{\"a\":[}]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}},\"payload\":[]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}},\"payload\":{\"a\":null,\"a\":1}}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}},\"payload\":{\"a\":1,\"a\":null}}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":{}}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[1]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[1]]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[1,2,3]]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[null,2,3]]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[null,2]]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[1,2],[1,3]]}",
            "{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"int32\"}},\"payload\":[[1,2],{}]}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":[]}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":null}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":1,\"b\":2}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":null,\"a\":1}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":1,\"a\":null}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"field\":\"a\"}]},\"payload\":{\"a\":1}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"field\":\"a\"},{\"type\":\"int32\",\"field\":\"b\"}]},\"payload\":{\"b\":null,\"a\":2}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\",\"default\":5}]},\"payload\":{}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\",\"optional\":true,\"default\":5}]},\"payload\":{\"a\":null}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":1,\"x\":1e2147483648}}",
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},\"payload\":{\"a\":\"x\",\"a\":[1,}}",
            // plain JSON (schemas disabled) and fixed-schema documents
            "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[1,2.50,true,null,\"x\",-0.0,1e400]}}", "123456789012345678901234567890",
            "-0", "-0.0", "1.0E+2", "[1e-400]", "{\"a\":1,\"b\":\"x\"}", "{\"b\":\"x\"}", "{\"a\":\"1\"}",
            "{\"a\":1,\"b\":null}", "{\"a\":null}"));
        StringBuilder deep = new StringBuilder();
        for (int depth : new int[]{999, 1000, 1001}) {
            deep.setLength(0);
            deep.append("[".repeat(depth)).append("]".repeat(depth));
            inputs.add(deep.toString());
            inputs.add("{\"schema\":null,\"payload\":" + deep + "}");
        }
        return inputs;
    }

    static List<byte[]> invalidUtf8() {
        List<byte[]> inputs = new ArrayList<>();
        byte[][] badStrings = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {0x01}};
        for (byte[] bad : badStrings) {
            inputs.add(concat("\"", bad, "\""));
            inputs.add(concat("{\"schema\":{\"type\":\"string\"},\"payload\":\"", bad, "\"}"));
            inputs.add(concat("{\"schema\":{\"type\":\"int32\"},\"payload\":1,\"x\":\"", bad, "\"}"));
            inputs.add(concat("{\"schema\":{\"type\":\"int32\",\"doc\":\"", bad, "\"},\"payload\":1}"));
            inputs.add(concat("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"a\"}]},"
                + "\"payload\":{\"a\":1,\"skipped\":\"", bad, "\"}}"));
        }
        return inputs;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
