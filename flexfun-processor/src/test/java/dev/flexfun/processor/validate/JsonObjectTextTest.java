package dev.flexfun.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonObjectTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|{}",
        " { \"a\" : [ 1 , -2.5e3 , true , false , null ] } |{\"a\":[1,-2.5e3,true,false,null]}",
        "{\"s\": \"keeps  spaces, \\\" and \\u00e9\", \"o\": {\"n\": {}}}|{\"s\":\"keeps  spaces, \\\" and \\u00e9\",\"o\":{\"n\":{}}}"
    })
    void compactsObjects(String text, String compact) throws Exception {
        assertEquals(compact, JsonObjectText.compact(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|it must be a JSON object (starting with '{')",
        "\"x\"|it must be a JSON object (starting with '{')",
        "{\"a\": 1} {}|unexpected text after the object at character 10",
        "{\"a\": 01}|expected '}' at character 8",
        "{\"a\": tru}|unexpected token at character 7",
        "{\"a\": \"x|unterminated string at character 9",
        "{\"a\" 1}|expected ':' at character 6",
        "{\"a\": [1,]}|unexpected character ']' at character 10"
    })
    void rejectsWhatIsNotAnObject(String text, String problem) {
        JsonObjectText.InvalidJson e = assertThrows(JsonObjectText.InvalidJson.class, () -> JsonObjectText.compact(text));
        assertEquals(problem, e.getMessage());
    }
}
