# Build WealthDesk's Windows bundle and installer; smoke-test and (optionally) sign them.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python py] [-Sign]
#
# Needs Python 3.11+ (x64) and Inno Setup 6 (iscc.exe on PATH or in Program Files).
# Signing (-Sign) uses signtool.exe with the certificate named by $env:WEALTHDESK_SIGN_CERT
# (a .pfx path, password in $env:WEALTHDESK_SIGN_PASSWORD) and a timestamp server.
# Writes build\packaging\dist\wealthdesk\ and build\packaging\wealthdesk-<version>-setup.exe.
param(
    [string]$Python = "py",
    [switch]$Sign
)
$ErrorActionPreference = "Stop"
$Checkout = (Resolve-Path "$PSScriptRoot\..\..").Path
$Out = Join-Path $Checkout "build\packaging"
New-Item -ItemType Directory -Force -Path $Out | Out-Null

function Step($Text) { Write-Host "[build] $Text" }
function Run($Exe, [string[]]$Arguments) {
    Step "$Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe exited with $LASTEXITCODE" }
}

$Version = (Select-String -Path "$Checkout\wealthdesk\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value

# A fresh venv with WealthDesk installed (not editable) from a copy of the checkout.
$Venv = Join-Path $Out "venv"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
Run $Python @("-m", "venv", $Venv)
$VPython = Join-Path $Venv "Scripts\python.exe"
$Source = Join-Path $Out "source"
if (Test-Path $Source) { Remove-Item -Recurse -Force $Source }
New-Item -ItemType Directory -Path $Source | Out-Null
foreach ($name in @("pyproject.toml", "setup.cfg", "README.md")) { Copy-Item "$Checkout\$name" $Source }
foreach ($name in @("wealthdesk", "resources")) { Copy-Item -Recurse "$Checkout\$name" $Source }
Run $VPython @("-m", "pip", "install", "--quiet", "$Source[bundle,postgres]")

# The icon, made from app.svg; the spec reads its path from the environment.
$Icon = Join-Path $Out "wealthdesk.ico"
Run $VPython @("$Checkout\packaging\windows\make_icon.py", $Icon)
$env:WEALTHDESK_ICON = $Icon

Push-Location $Out
try {
    Run $VPython @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", "$Out\dist", "--workpath", "$Out\work", "$Checkout\packaging\wealthdesk.spec")
} finally { Pop-Location }
$Bundle = Join-Path $Out "dist\wealthdesk"

if ($Sign) {
    $Files = @("$Bundle\wealthdesk.exe", "$Bundle\wealthdesk-desk.exe")
    Run "signtool.exe" (@("sign", "/fd", "SHA256", "/td", "SHA256", "/tr", "http://timestamp.digicert.com",
        "/f", $env:WEALTHDESK_SIGN_CERT, "/p", $env:WEALTHDESK_SIGN_PASSWORD) + $Files)
}

# The same smoke test as on Linux (no Xvfb; the QR is read back where zbarimg exists).
Run $VPython @("$Checkout\packaging\smoke", "$Bundle\wealthdesk.exe", "--no-xvfb")

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Run $Iscc @("/Q", "/DAppVersion=$Version", "/DBundle=$Bundle", "/DIcon=$Icon", "/DOutputDir=$Out",
    "$Checkout\packaging\windows\wealthdesk.iss")
$Setup = Join-Path $Out "wealthdesk-$Version-setup.exe"
if ($Sign) {
    Run "signtool.exe" @("sign", "/fd", "SHA256", "/td", "SHA256", "/tr", "http://timestamp.digicert.com",
        "/f", $env:WEALTHDESK_SIGN_CERT, "/p", $env:WEALTHDESK_SIGN_PASSWORD, $Setup)
}
Step "installer: $Setup ($([math]::Round((Get-Item $Setup).Length / 1MB)) MB)"
