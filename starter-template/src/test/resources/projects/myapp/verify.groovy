// Runs after the generated app's own offline build (goal.txt) passed: its tests ran and it was
// packaged. Checks the files, starts the jar and the development command and asks them for pages,
// then does what docs/getting-started.md says, in order: its snippets go into the app and its test
// command must pass. Every command in that page and in the app's README must be one run here.
// The archetype's folder and coordinates below are filled in when its test resources are copied.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

File archetype = new File('@project.basedir@')
File doc = new File(archetype.parentFile, 'docs/getting-started.md')
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
String java = new File(System.getProperty('java.home'), 'bin/java').path
Properties generated = new Properties()
new File(basedir, 'archetype.properties').withReader { generated.load(it) } // basedir: this test's folder
File app = new File(basedir, 'project/' + generated.artifactId)
long began = System.nanoTime()

// The files of the app, with every template variable of the archetype filled in.
['pom.xml', 'README.md', '.gitignore',
 'src/main/java/com/example/App.java', 'src/main/java/com/example/CounterLive.java',
 'src/main/java/com/example/TodoLive.java', 'src/main/java/com/example/TodoStore.java',
 'src/main/resources/templates/layout.html', 'src/main/resources/templates/counter.html',
 'src/main/resources/templates/todo.html', 'src/main/resources/static/app.css',
 'src/test/java/com/example/CounterBrowserTest.java', 'src/test/java/com/example/CounterLiveTest.java',
 'src/test/java/com/example/TodoLiveTest.java', 'target/myapp.jar'].each {
    assert new File(app, it).isFile() : "the generated app has no $it"
}
List<File> filtered = [new File(app, 'pom.xml'), new File(app, 'README.md')]
new File(app, 'src').eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) filtered << it }
filtered.each {
    assert !(it.text =~ /\$\{(package|packageInPathFormat|groupId|artifactId|version)\}|#set/) : "$it keeps an archetype variable"
}
assert new File(app, 'pom.xml').text.contains('<liveview.version>@project.version@</liveview.version>')
List<String> libs = new File(app, 'target/lib').list().toList()
assert libs.any { it.startsWith('liveview-core-@project.version@') } : "target/lib lacks liveview-core: $libs"
assert libs.any { it.startsWith('slf4j-simple-') } : "target/lib lacks slf4j-simple: $libs"
assert !libs.any { it.startsWith('junit-') || it.startsWith('playwright-') } : "test libraries in target/lib: $libs"

// Processes of the app, each on a free port, its output in a log file beside the app.
HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
def get = { int port, String path ->
    http.send(HttpRequest.newBuilder(URI.create("http://localhost:$port$path")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
}
def freePort = { new ServerSocket(0).withCloseable { it.localPort } }
def start = { List<String> command, Map<String, String> env, String log ->
    ProcessBuilder builder = new ProcessBuilder(command).directory(app).redirectErrorStream(true)
            .redirectOutput(new File(app, log))
    builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
    builder.environment().putAll(env)
    builder.start()
}
def awaitCounter = { Process process, int port, String log ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
    while (true) {
        assert process.alive : "$log: the app exited (${process.exitValue()}) before it answered:\n" + new File(app, log).text
        try {
            def response = get(port, '/counter')
            if (response.statusCode() == 200) {
                return response
            }
        } catch (IOException notYet) {
        }
        assert System.nanoTime() < deadline : "$log: no answer on port $port in 120 s:\n" + new File(app, log).text
        sleep 200
    }
}
def stop = { Process process ->
    process.toHandle().descendants().each { it.destroy() }
    process.destroy() // SIGTERM: the app's shutdown hook stops the server
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor()
    }
}
def run = { List<String> command, String log ->
    Process process = start(command, [:], log)
    assert process.waitFor(10, TimeUnit.MINUTES) : "$log: still running after 10 minutes"
    assert process.exitValue() == 0 : "$command failed:\n" + new File(app, log).text
}

// `java -jar target/myapp.jar`: PORT picks the port; /counter, /todo and the CSS answer.
int port = freePort()
Process jar = start([java, '-jar', 'target/myapp.jar'], [PORT: "$port".toString()], 'jar.log')
try {
    def counter = awaitCounter(jar, port, 'jar.log')
    assert counter.body().contains('<span class="count">0</span>')
    assert counter.body().contains('/static/app.css')
    def todo = get(port, '/todo')
    assert todo.statusCode() == 200 && todo.body().contains('What needs doing?')
    def css = get(port, '/static/app.css')
    assert css.statusCode() == 200 && css.body().contains('.todo')
    def home = get(port, '/')
    assert home.statusCode() == 302 && home.headers().firstValue('Location').orElse('').endsWith('/counter')
} finally {
    stop(jar)
}
println "[verify] java -jar target/myapp.jar served /counter, /todo, /static/app.css"

// `LIVEVIEW_DEV=1 mvn -q compile exec:java`, offline.
port = freePort()
Process dev = start([mvn, '-o', '-q', 'compile', 'exec:java'], [PORT: "$port".toString(), LIVEVIEW_DEV: '1'], 'exec.log')
try {
    assert awaitCounter(dev, port, 'exec.log').body().contains('<span class="count">0</span>')
} finally {
    stop(dev)
}
println "[verify] mvn -q compile exec:java served /counter"

// The commands of the guide and the README: each must be one this test runs.
def blocks = { File file -> (file.text =~ /(?ms)^```(\w*)\n(.*?)^```/).collect { [lang: it[1], body: it[2]] } }
def guide = blocks(doc)
def commands = (guide + blocks(new File(app, 'README.md'))).findAll { it.lang == 'sh' }
        .collectMany { it.body.readLines()*.trim().findAll { line -> line } }
String generate = commands.find { it.contains(':generate ') }
assert generate?.startsWith('mvn org.apache.maven.plugins:maven-archetype-plugin:@archetype.version@:generate ') :
        "$doc should generate with the archetype plugin this build uses, by its full name (offline)"
// The project's README says the same.
String readme = new File(archetype.parentFile, 'README.md').text
assert readme.readLines()*.trim().findAll { it.contains(':generate ') } == [generate]
Map<String, String> given = (generate =~ /-D([\w.]+)=(\S+)/).collect { [it[1], it[2]] }.collectEntries()
assert given == [archetypeGroupId: '@project.groupId@', archetypeArtifactId: '@project.artifactId@',
                 archetypeVersion: '@project.version@', groupId: generated.groupId, artifactId: generated.artifactId,
                 interactiveMode: 'false']
// What generate fills in by itself when not given: the IT's archetype.properties must say the same.
assert generated.version == '1.0-SNAPSHOT' && generated.getProperty('package') == generated.groupId
Set<String> ran = ['cd myapp', 'LIVEVIEW_DEV=1 mvn -q compile exec:java', 'mvn verify', 'mvn package',
                   'java -jar target/myapp.jar', 'mvn package && java -jar target/myapp.jar', 'mvn test']
(commands - generate).each { assert it in ran : "a command this test does not run: $it" }

// Steps 3 and 4 of the guide: the reset button and its test, then `mvn test` (offline) passes both tests.
def snippets = guide.findAll { it.lang in ['html', 'java'] }
assert snippets*.lang == ['html', 'java', 'java'] : 'the guide should have the template line, the case, the test'
def insert = { String path, String snippet, Closure<Integer> where ->
    File file = new File(app, path)
    List<String> lines = file.readLines()
    int at = where(lines)
    assert at >= 0 : "$path: no place for\n$snippet"
    lines.addAll(at, snippet.readLines())
    file.text = lines.join('\n') + '\n'
}
insert('src/main/resources/templates/counter.html', snippets[0].body) { it.findIndexOf { l -> l.contains('lv:click="inc"') } + 1 }
insert('src/main/java/com/example/CounterLive.java', snippets[1].body) { it.findIndexOf { l -> l.contains('default ->') } }
insert('src/test/java/com/example/CounterLiveTest.java', '\n' + snippets[2].body) { it.findLastIndexOf { l -> l == '}' } }
run([mvn, '-o', '-q', 'test'], 'test.log')
String report = new File(app, 'target/surefire-reports/TEST-com.example.CounterLiveTest.xml').text
assert report.contains('testcase name="plusAndMinusCount"') && report.contains('testcase name="resetGoesBackToZero"')
assert new File(app, 'target/surefire-reports/com.example.CounterLiveTest.txt').text
        .contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
['CounterBrowserTest': 1, 'TodoLiveTest': 3].each { name, count ->
    assert new File(app, "target/surefire-reports/com.example.${name}.txt").text
            .contains("Tests run: $count, Failures: 0, Errors: 0, Skipped: 0") : "$name did not pass"
}
println "[verify] the guide's reset button and its test pass (mvn test)"
println "[verify] done in ${(System.nanoTime() - began).intdiv(1_000_000_000)} s"
return true
