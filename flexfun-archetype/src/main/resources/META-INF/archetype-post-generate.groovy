// The archetype plugin does not keep file modes: make the generated scripts executable again.
def project = new File(request.outputDirectory, request.artifactId)
['run-server.sh', 'datasource-payload.sh'].each { new File(project, it).setExecutable(true, false) }
