package concurrence.engine.python;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Une ligne du pont Python")
class BridgeLineTest {
    @Test
    @DisplayName("se lit selon son « ev »")
    void reads() {
        assertEquals(Optional.of(new BridgeLine.TaskStart("ThreadPoolExecutor-0_1", 0.0021, 1)),
                BridgeLine.parse("{\"ev\":\"start\",\"w\":\"ThreadPoolExecutor-0_1\",\"t\":0.0021,\"task\":1}"));
        assertEquals(Optional.of(new BridgeLine.Worker("Task-2", 0.5, "MainThread", 42, Optional.of("Task-2"))),
                BridgeLine.parse("{\"ev\":\"worker\",\"w\":\"Task-2\",\"t\":0.5,\"thread\":\"MainThread\",\"pid\":42,\"coroutine\":\"Task-2\"}"));
        assertEquals(Optional.of(new BridgeLine.Worker("MainThread", 0, "MainThread", 42, Optional.empty())),
                BridgeLine.parse("{\"ev\":\"worker\",\"w\":\"MainThread\",\"t\":0,\"thread\":\"MainThread\",\"pid\":42,\"coroutine\":null}"));
        assertEquals(Optional.of(new BridgeLine.Result(1.5, List.of(1.0, 0.5, 0.0, 0.0), List.of(0.0, 0.0), 10, 20, Map.of("pid:7", 30L))),
                BridgeLine.parse("{\"ev\":\"result\",\"wall\":1.5,\"times\":[1,0.5,0,0],\"workers_cpu\":[0,0],"
                        + "\"rss_before\":10,\"rss_peak\":20,\"worker_rss\":{\"pid:7\":30}}"));
        assertEquals(Optional.of(new BridgeLine.Hello(new PythonVersion(3, 13, 1), true, false, "forkserver", 9)),
                BridgeLine.parse("{\"ev\":\"hello\",\"protocol\":1,\"version\":[3,13,1],\"implementation\":\"cpython\",\"executable\":\"/x\","
                        + "\"pid\":9,\"free_threaded_build\":true,\"gil_enabled\":false,\"start_method\":\"forkserver\",\"switch_interval\":0.005}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Segmentation fault", "[1, 2]", "{\"ev\": 12}", "{\"ev\":\"start\",\"w\":\"x\",\"t\":\"soon\",\"task\":1}",
            "{\"ev\":\"start\",\"t\":0.1,\"task\":1}", "{\"ev\":\"unknown\"}", "{\"ev\":\"result\",\"wall\":1,\"times\":[1]}",
            "{\"ev\":\"calibration\",\"t1\":[]}", "{\"ev\":\"start\""})
    @DisplayName("qui n'est pas du pont est écartée, sans exception")
    void garbage(String line) {
        assertTrue(BridgeLine.parse(line).isEmpty(), line);
    }
}
