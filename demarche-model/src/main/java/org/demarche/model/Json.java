package org.demarche.model;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the records: the export's JSON Lines, the API's answers and the command line's
 * {@code --json} all write through it. Names are snake_case (the export's: {@code found_by},
 * {@code support_weight}); ids are written as {@link RecordId}s ("a3"); enums by their lower-case ids
 * ("use-of-force"); a field without a value is written as null, except the few that answers add to a
 * record (a file's or an actor's name), which are left out when not set.
 */
public final class Json {

    /** The mapper: thread-safe, shared. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE) // the export streams many records to one generator
            .build();

    /** The same mapping, indented (for people at a terminal). */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {}
}
