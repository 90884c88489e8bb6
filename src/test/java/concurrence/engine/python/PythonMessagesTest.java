package concurrence.engine.python;

import concurrence.engine.RuntimeKind;
import concurrence.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Les messages des pannes Python")
class PythonMessagesTest {
    static final List<PythonFault> EVERY_KIND = List.of(
            new PythonFault.NoneFound(RuntimeKind.PYTHON), new PythonFault.NoneFound(RuntimeKind.PYTHON_FT),
            new PythonFault.Missing("--python /x"), new PythonFault.NotExecutable("--python /x"),
            new PythonFault.CannotStart("--python /x", "error=13, Permission denied"),
            new PythonFault.Crashed("python3.12 (/s/python3.12)", 127, ""),
            new PythonFault.Crashed("python3.12 (/s/python3.12)", 127, "pyenv: python3.12: command not found\n\nmore"),
            new PythonFault.Hung("--python /x", 10), new PythonFault.NotPython("--python /x", "Hello"),
            new PythonFault.TooOld("python3 (/usr/bin/python3)", "3.6.15"),
            new PythonFault.WrongBuild("--python /x", "3.13.1", true), new PythonFault.WrongBuild("--python /x", "3.11.7", false),
            new PythonFault.Unsupported("virtual-threads"),
            new PythonFault.BridgeFailed("python3 (/p)", 1, ""), new PythonFault.BridgeFailed("python3 (/p)", 1, "Traceback\nValueError: x"),
            new PythonFault.Silent("python3 (/p)", 30), new PythonFault.TimedOut("python3 (/p)", 210),
            new PythonFault.GilStillOn("python3.13t (/p)"), new PythonFault.NoPrivateDirectory("/tmp", "No space left on device"));

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    @DisplayName("chaque panne a son message, en français et en anglais, qui nomme le Python en cause")
    void everyFault(String language) {
        Messages m = Messages.of(language);
        for (PythonFault f : EVERY_KIND) {
            assertTrue(m.has(f.key()), language + ": " + f.key());
            String text = m.get(f.key(), f.args());
            assertFalse(text.isBlank(), f.toString());
            if (f.args().length > 0 && f.args()[0] instanceof String who && !(f instanceof PythonFault.Unsupported)
                    && !(f instanceof PythonFault.NoPrivateDirectory))
                assertTrue(text.startsWith(who), text);
            assertFalse(text.contains("%"), text);
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("le message de l'exception est le texte français, pour qui l'affiche tel quel")
    void exceptionMessage() {
        var e = new PythonException(new PythonFault.TooOld("--python /usr/bin/python3.6", "3.6.15"));
        assertTrue(e.getMessage().startsWith("--python /usr/bin/python3.6 : Python 3.6.15 est trop ancien"), e.getMessage());
    }
}
