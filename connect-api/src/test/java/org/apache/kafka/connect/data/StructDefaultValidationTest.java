package org.apache.kafka.connect.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** Found by the transforms differential test: unset fields with defaults must not fail validation. */
class StructDefaultValidationTest {

    /** A struct schema whose optional field "nested" has a struct default (as JsonConverter builds one). */
    private static Schema outerWithStructDefault() {
        SchemaBuilder nested = SchemaBuilder.struct().field("i32", Schema.INT32_SCHEMA).optional();
        nested.defaultValue(new Struct(nested).put("i32", 9));
        return SchemaBuilder.struct()
            .field("i32", Schema.INT32_SCHEMA)
            .field("nested", nested.build())
            .field("withDefault", SchemaBuilder.int32().defaultValue(5).build())
            .build();
    }

    @Test
    void unsetFieldWithStructDefaultPassesValidationEverywhereItIsChecked() {
        Schema outer = outerWithStructDefault();
        Struct struct = new Struct(outer).put("i32", 1);

        assertDoesNotThrow(struct::validate);
        assertDoesNotThrow(() -> ConnectSchema.validateValue(outer, struct));
        Schema wrapper = SchemaBuilder.struct().field("w", outer).build();
        assertDoesNotThrow(() -> new Struct(wrapper).put("w", struct));
        assertEquals(5, struct.get("withDefault"), "get() still falls back to the default");
    }

    @Test
    void unsetRequiredFieldWithoutDefaultStillFails() {
        Struct struct = new Struct(outerWithStructDefault());
        DataException e = assertThrows(DataException.class, struct::validate);
        assertEquals("Invalid value: null used for required field: \"i32\", schema type: INT32", e.getMessage());
    }
}
