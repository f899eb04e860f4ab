; Inno Setup 6 script: the per-user Windows 10/11 setup of sanxiang-desktop.
; Built on a Windows machine by installer\windows\build.ps1 (PyInstaller, then ISCC), which passes
; AppVersion (from the package metadata, i.e. pyproject.toml) and, when a certificate is configured,
; SignCert. Every path below is relative to this file and points at what the build produces;
; tests/installer/test_windows.py checks that.
;
; Per-user: no administrator rights (PrivilegesRequired=lowest): the program goes to
; %LOCALAPPDATA%\Programs\sanxiang-desktop, shortcuts and the .sxpkg association to the user's own
; hive (HKCU). The clerks' data (%APPDATA%\sanxiang\sanxiang-desktop: database, settings, backups)
; is not part of the installation, so neither an upgrade nor the uninstaller touches it.

#ifndef AppVersion
  #error Pass /DAppVersion=x.y.z (build.ps1 does, from the package metadata)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

#define AppName "基层科协“3+1”工作"
#define AppExe "sanxiang-desktop.exe"
#define Repo "..\.."
#define Bundle Repo + "\dist\sanxiang-desktop"
#define ProgId "SanxiangDesktop.Package"

[Setup]
AppId={{2BFCE94A-F56E-5482-BDEA-1BA14299D52C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=sanxiang-desktop
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription={#AppName} 安装程序
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\sanxiang-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Repo}\dist
OutputBaseFilename=sanxiang-desktop-setup-{#AppVersion}
SetupIconFile={#Repo}\resources\icons\sanxiang-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes
#ifdef SignCert
; "sxsign" is defined on the ISCC command line (/Ssxsign=...) by build.ps1
SignTool=sxsign
SignedUninstaller=yes
#endif

[Languages]
; Inno Setup's Simplified Chinese translation (ChineseSimplified.isl in its Languages folder;
; build.ps1 says where to get it if that Inno Setup has none).
Name: "chinesesimp"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Messages]
chinesesimp.WinVersionTooLowError=本程序需要 Windows 10 或更高版本，无法在此版本的 Windows 上安装。请在 Windows 10 或 Windows 11 电脑上安装。

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"; GroupDescription: "附加快捷方式："

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\sanxiang-desktop-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the program folder's libraries wholesale (never the data folder)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; .sxpkg opens in the program (the running one takes it over), in the user's own hive
Root: HKCU; Subkey: "Software\Classes\.sxpkg"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sxpkg\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "科协数据包"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what it installed and nothing of the user's data.
