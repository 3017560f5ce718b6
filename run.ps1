#!/usr/bin/env pwsh
# AiBench's entry point under PowerShell 7: the same contract as run.sh.
#   ./run.ps1          build, run the default suite (suites/quick.yaml)
#   ./run.ps1 test     build and run every test
#   ./run.ps1 ARGS...  incremental build, then the CLI with ARGS
# On Linux the system packages (cmake, gcc, libopenblas0, fonts) are installed by run.sh; this script
# calls it for that step when it exists, then builds and runs with dotnet directly.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$bin = Join-Path $PSScriptRoot 'build/bin'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Get-Revision {
    $rev = git -C $PSScriptRoot rev-parse --short=12 HEAD 2>$null
    if ($LASTEXITCODE -ne 0 -or -not $rev) { 'unknown' } else { $rev }
}

function Build-Cli {
    $stamp = Join-Path $bin 'aibench.dll'
    if (Test-Path $stamp) {
        $built = (Get-Item $stamp).LastWriteTimeUtc
        $newer = Get-ChildItem -Recurse -File -Path src, native, suites -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $built } |
            Select-Object -First 1
        if (-not $newer) { return }
    }
    Write-Host 'run.ps1: building the CLI into build/bin'
    dotnet publish src/AiBench.Cli -c Release -o $bin "-p:SourceRevisionId=$(Get-Revision)" --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    (Get-Item $stamp).LastWriteTimeUtc = [DateTime]::UtcNow
}

if ($IsLinux -and (Test-Path ./run.sh) -and -not (Get-Command cmake -ErrorAction SilentlyContinue)) {
    bash ./run.sh --version | Out-Null
}

$cli = if ($IsWindows) { Join-Path $bin 'aibench.exe' } else { Join-Path $bin 'aibench' }
switch ($args.Count) {
    0 { Build-Cli; & $cli run quick; exit $LASTEXITCODE }
    default {
        if ($args[0] -eq 'test') {
            Build-Cli
            dotnet test AiBench.sln -c Release "-p:SourceRevisionId=$(Get-Revision)" --nologo
            exit $LASTEXITCODE
        }
        Build-Cli
        & $cli @args
        exit $LASTEXITCODE
    }
}
