# Builds the Windows setup on a Windows 10/11 machine (it cannot be built on Linux):
#   1. a venv with the program and PyInstaller, 2. the one-folder bundle (installer\sanxiang-desktop.spec),
#   3. the bundle's own selftest, 4. signing when a certificate is configured, 5. ISCC (Inno Setup >= 6.3).
# Run from anywhere:  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs: Python 3.11 x64 (python.org), Inno Setup 6 (jrsoftware), and for signing the Windows SDK's
# signtool.exe with SANXIANG_SIGN_CERT (a .pfx) and SANXIANG_SIGN_PASSWORD set; optional
# SANXIANG_SIGN_TIMESTAMP (an RFC 3161 time-stamp URL). Output: dist\sanxiang-desktop-setup-<version>.exe
$ErrorActionPreference = "Stop"
$Repo = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Repo

$Python = if ($env:PYTHON) { $env:PYTHON } else { "py -3.11" }
if (-not (Test-Path ".venv-win\Scripts\python.exe")) { Invoke-Expression "$Python -m venv .venv-win" }
$Py = Join-Path $Repo ".venv-win\Scripts\python.exe"
& $Py -m pip install --quiet --upgrade pip
& $Py -m pip install --quiet -e ".[bundle]"
if ($LASTEXITCODE) { throw "pip install failed" }

& (Join-Path $Repo ".venv-win\Scripts\pyinstaller.exe") --noconfirm --distpath dist --workpath build\pyinstaller installer\sanxiang-desktop.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$Bundle = Join-Path $Repo "dist\sanxiang-desktop"

& (Join-Path $Bundle "sanxiang-desktop-cli.exe") selftest
if ($LASTEXITCODE) { throw "the bundled selftest failed" }

$Version = & $Py -c "from importlib.metadata import version; print(version('sanxiang-desktop'))"
$Numbers = @([regex]::Matches($Version, "\d+") | Select-Object -First 3 | ForEach-Object { $_.Value }) + @("0", "0", "0")
$Numeric = ($Numbers | Select-Object -First 4) -join "."

$Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found; install it first" }
$Isl = Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $Isl)) {
    throw "Inno Setup has no ChineseSimplified.isl: put the Simplified Chinese translation from Inno Setup's translations page into $Isl"
}

$IsccArgs = @("/DAppVersion=$Version", "/DAppVersionNumeric=$Numeric")
if ($env:SANXIANG_SIGN_CERT) {
    $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName | Select-Object -Last 1
    if (-not $SignTool) { throw "signtool.exe not found (Windows SDK)" }
    $Stamp = if ($env:SANXIANG_SIGN_TIMESTAMP) { "/tr `"$env:SANXIANG_SIGN_TIMESTAMP`" /td sha256" } else { "" }
    $Sign = "`"$($SignTool.FullName)`" sign /fd sha256 /f `"$env:SANXIANG_SIGN_CERT`" /p `"$env:SANXIANG_SIGN_PASSWORD`" $Stamp"
    foreach ($exe in @("sanxiang-desktop.exe", "sanxiang-desktop-cli.exe")) {   # the programs, then the setup (ISCC)
        Invoke-Expression "$Sign `"$(Join-Path $Bundle $exe)`""
        if ($LASTEXITCODE) { throw "signing $exe failed" }
    }
    # ISCC runs the same command for the setup and its uninstaller; $q stands for a quote there
    $IsccArgs += @("/DSignCert", "/Ssxsign=$($Sign -replace '"', '$q') `$q`$f`$q")
}
& $Iscc @IsccArgs installer\windows\sanxiang-desktop.iss
if ($LASTEXITCODE) { throw "ISCC failed" }
Write-Host "built dist\sanxiang-desktop-setup-$Version.exe"
