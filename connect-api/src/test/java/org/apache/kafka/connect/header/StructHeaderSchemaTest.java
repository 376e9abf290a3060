package org.apache.kafka.connect.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Found by the transforms differential test (HeaderFrom on a schemaless map holding a struct). */
class StructHeaderSchemaTest {

    private static final Schema SCHEMA = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();

    @Test
    void structAddedWithoutSchemaTakesItsOwnSchema() {
        Struct struct = new Struct(SCHEMA).put("id", 2);
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("a", struct, null).add("b", new SchemaAndValue(null, struct));
        assertEquals(SCHEMA, headers.lastWithName("a").schema());
        assertEquals(SCHEMA, headers.lastWithName("b").schema());
    }

    @Test
    void otherValuesAddedWithoutSchemaKeepNoSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("list", List.of(1), null);
        assertNull(headers.lastWithName("list").schema());
    }
}
